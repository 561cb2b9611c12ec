package io.eventgate.publish;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PublishHttpTest} against the packaged service: the fast-jar, or the native executable with {@code -Pnative}. */
@QuarkusIntegrationTest
class PublishHttpIT extends PublishHttpTest {
}
