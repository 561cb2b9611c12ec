package io.eventgate.socket;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ClosingCodesTest} against the packaged service: the fast-jar, or the native executable with {@code -Pnative}. */
@QuarkusIntegrationTest
class ClosingCodesIT extends ClosingCodesTest {
}
