package io.eventgate.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.eventgate.support.Handshakes;
import io.eventgate.support.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With subscriber auth required, a socket keeps its subscriber and grant, and nothing of the handshake
 * that carried its token (its routing context, which websockets-next would keep with the identity).
 * Looked at from inside the process, so JVM only; without auth: {@code HandshakeReleaseTest}.
 */
@QuarkusTest
@TestProfile(Rs256Profile.class)
class SubscriberHandshakeTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Handshakes handshakes;

    @Test
    void anAuthenticatedSocketKeepsItsGrantButNothingOfItsHandshake() throws Exception {
        try (TestSocket socket = TestSocket.connect(base,
                "token=" + Tokens.rs256("carol", List.of("r1"), Duration.ofMinutes(10)))) {
            assertThat(socket.welcome().path("sub").asText()).isEqualTo("carol");
            assertThat(Handshakes.collected(handshakes.latest())).as("the handshake's routing context is collected")
                    .isTrue();
            socket.join("r1");
            socket.send("{\"type\":\"join\",\"room\":\"r2\"}");
            assertThat(socket.next("error").path("message").asText()).isEqualTo("not allowed to join room 'r2'");
        }
    }
}
