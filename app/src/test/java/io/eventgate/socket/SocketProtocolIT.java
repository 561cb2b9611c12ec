package io.eventgate.socket;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SocketProtocolTest} against the packaged service: the fast-jar, or the native executable with {@code -Pnative}. */
@QuarkusIntegrationTest
class SocketProtocolIT extends SocketProtocolTest {
}
