package io.eventgate.delivery;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link DeliveryTest} against the packaged service: the fast-jar, or the native executable with {@code -Pnative}. */
@QuarkusIntegrationTest
class DeliveryIT extends DeliveryTest {
}
