package io.eventgate.idempotency;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link IdempotencyTest} against the packaged service: the fast-jar, or the native executable with {@code -Pnative}. */
@QuarkusIntegrationTest
class IdempotencyIT extends IdempotencyTest {
}
