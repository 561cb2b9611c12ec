package io.eventgate.socket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.eventgate.http.Problem;
import io.eventgate.support.Metrics;
import io.eventgate.testing.RawSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** docs/protocol.md section 6, origins: which web pages may open a socket, before anything else is checked. */
@QuarkusTest
@TestProfile(OriginProfile.class)
class OriginTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aClientThatIsNoBrowserSendsNoOriginAndIsLetIn() throws Exception {
        assertThat(handshake(Map.of())).isEqualTo(101);
    }

    @Test
    void thePagesOfTheServiceItselfAreLetIn() throws Exception {
        String own = "http://" + base.getHost() + ":" + base.getPort();
        assertThat(handshake(Map.of("Origin", own))).isEqualTo(101);
        assertThat(handshake(Map.of("Origin", own.toUpperCase()))).isEqualTo(101);
    }

    @Test
    void anAllowedOriginIsLetInWithOrWithoutItsDefaultPort() throws Exception {
        assertThat(handshake(Map.of("Origin", OriginProfile.ALLOWED))).isEqualTo(101);
        assertThat(handshake(Map.of("Origin", OriginProfile.ALLOWED + ":443"))).isEqualTo(101);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://evil.example", "null", "https://app.example.com:8443", "http://app.example.com",
            "http://localhost:1", "not an origin" })
    void anyOtherOriginGets403WithAProblemBeforeTheUpgrade(String origin) throws Exception {
        double before = Metrics.value("eventgate_sockets_refused_total{reason=\"origin\"}");
        try (RawSocket refused = RawSocket.connect(base, "rooms=secret-room", Map.of("Origin", origin), 0)) {
            assertThat(refused.handshakeStatus()).isEqualTo(403);
            assertThat(refused.handshakeResponse()).containsIgnoringCase("content-type: " + Problem.MEDIA_TYPE)
                    .doesNotContainIgnoringCase("upgrade: websocket");
        }
        assertThat(Metrics.value("eventgate_sockets_refused_total{reason=\"origin\"}"))
                .isEqualTo(before + 1);
    }

    /** websockets-next upgrades on the key alone; Vert.x takes a list of upgrades: each is an attempt. */
    @ParameterizedTest
    @ValueSource(strings = { "websocket, h2c", "h2c, WebSocket", "" })
    void aForeignHandshakeWithAnOddUpgradeHeaderIsRefusedTheSameWay(String upgrade) {
        given().header("Connection", "Upgrade").header("Upgrade", upgrade).header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").header("Origin", "http://evil.example")
                .when().get("/ws")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    private int handshake(Map<String, String> headers) throws Exception {
        try (RawSocket socket = RawSocket.connect(base, "", headers, 0)) {
            return socket.handshakeStatus();
        }
    }
}
