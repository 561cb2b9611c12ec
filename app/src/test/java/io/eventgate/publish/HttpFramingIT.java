package io.eventgate.publish;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link HttpFramingTest} against the packaged service: the fast-jar, or the native executable with {@code -Pnative}. */
@QuarkusIntegrationTest
class HttpFramingIT extends HttpFramingTest {
}
