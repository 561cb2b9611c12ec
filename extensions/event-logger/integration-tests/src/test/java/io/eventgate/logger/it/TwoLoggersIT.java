package io.eventgate.logger.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link TwoLoggersTest} against the packaged application: the fast-jar, or the native executable with {@code -Pnative}. */
@QuarkusIntegrationTest
class TwoLoggersIT extends TwoLoggersTest {
}
