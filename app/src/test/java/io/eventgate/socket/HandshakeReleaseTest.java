package io.eventgate.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.eventgate.support.Handshakes;
import io.eventgate.support.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An open socket keeps nothing of its HTTP handshake: websockets-next would keep its routing context
 * (and with it the upgrade's request, response, headers and request metric) for the socket's whole
 * life, were its identity not released ({@link VertxChannels#release}), and Vert.x's WebSocket the
 * request's header map, were it not emptied ({@link SocketWire#opened}). Fails when a Quarkus upgrade
 * keeps either some other way. With subscriber auth required: {@code SubscriberHandshakeTest}.
 */
@QuarkusTest
class HandshakeReleaseTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Handshakes handshakes;

    @Test
    void anOpenSocketKeepsNothingOfItsHandshake() throws Exception {
        try (TestSocket socket = TestSocket.connect(base, "rooms=released")) {
            assertThat(Handshakes.collected(handshakes.latest())).as("the handshake's routing context is collected")
                    .isTrue();
            socket.send("{\"type\":\"ping\"}");
            assertThat(socket.next().path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void anOpenSocketKeepsNoHeaderNameOfItsHandshake() throws Exception {
        try (TestSocket socket = TestSocket.connect(base, "rooms=released", Map.of(Handshakes.PROBE, "on"))) {
            assertThat(handshakes.probeName().get()).as("the probe header seen at the handshake").isNotNull();
            assertThat(Handshakes.collected(handshakes.probeName())).as("the handshake's header names are collected")
                    .isTrue();
            socket.send("{\"type\":\"ping\"}");
            assertThat(socket.next().path("type").asText()).isEqualTo("pong");
        }
    }
}
