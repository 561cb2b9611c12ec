package io.eventgate.publish;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ApiKeyTest} against the packaged service: the fast-jar, or the native executable with {@code -Pnative}. */
@QuarkusIntegrationTest
@TestProfile(ApiKeyProfile.class)
class ApiKeyIT extends ApiKeyTest {
}
