package io.eventgate.subscribe;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link Hs256Test} against the packaged service: the fast-jar, or the native executable with {@code -Pnative}. */
@QuarkusIntegrationTest
@TestProfile(Hs256Profile.class)
class Hs256IT extends Hs256Test {
}
