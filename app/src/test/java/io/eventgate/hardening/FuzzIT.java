package io.eventgate.hardening;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link FuzzTest} against the packaged service: the fast-jar, or the native executable with {@code -Pnative}. */
@QuarkusIntegrationTest
class FuzzIT extends FuzzTest {
}
