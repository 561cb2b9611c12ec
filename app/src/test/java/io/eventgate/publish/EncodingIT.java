package io.eventgate.publish;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link EncodingTest} against the packaged service: the fast-jar, or the native executable with {@code -Pnative}. */
@QuarkusIntegrationTest
class EncodingIT extends EncodingTest {
}
