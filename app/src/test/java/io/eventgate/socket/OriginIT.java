package io.eventgate.socket;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link OriginTest} against the packaged service: the fast-jar, or the native executable with {@code -Pnative}. */
@QuarkusIntegrationTest
@TestProfile(OriginProfile.class)
class OriginIT extends OriginTest {
}
