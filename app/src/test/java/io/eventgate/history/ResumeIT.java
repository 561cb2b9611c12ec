package io.eventgate.history;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ResumeTest} against the packaged service: the fast-jar, or the native executable with {@code -Pnative}. */
@QuarkusIntegrationTest
class ResumeIT extends ResumeTest {
}
