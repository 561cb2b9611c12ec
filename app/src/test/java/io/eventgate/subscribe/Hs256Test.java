package io.eventgate.subscribe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.eventgate.support.Publish;
import io.eventgate.support.TestSocket;
import io.eventgate.testing.RawSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** docs/protocol.md section 6 with an HS256 secret: verified and minted with the one oct JWK. */
@QuarkusTest
@TestProfile(Hs256Profile.class)
class Hs256Test {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aTokenSignedWithTheSecretLetsItsBearerIntoItsRooms() {
        String token = Tokens.hs256("dave", List.of("news:*"), Duration.ofMinutes(5));
        try (TestSocket socket = TestSocket.connect(base, "token=" + token + "&rooms=news:today")) {
            assertThat(socket.welcome().path("sub").asText()).isEqualTo("dave");
            String event = Publish.accepted("{\"event\":\"e\",\"room\":\"news:today\"}");
            assertThat(socket.next("event").path("id").asText()).isEqualTo(event);
        }
    }

    @Test
    void anRs256TokenIsRefusedWhereHs256IsConfigured() throws Exception {
        String token = Tokens.rs256("dave", List.of("*"), Duration.ofMinutes(5));
        try (RawSocket refused = RawSocket.connect(base, "token=" + token)) {
            assertThat(refused.handshakeStatus()).isEqualTo(401);
        }
    }

    @Test
    void mintedTokensAreSignedWithTheSecret() {
        // No API key configured: minting is open, like publishing.
        String token = given().contentType(ContentType.JSON).body("{\"sub\":\"erin\",\"rooms\":[\"r\"]}")
                .post("/tokens").then().statusCode(201).extract().path("token");
        try (TestSocket socket = TestSocket.connect(base, "token=" + token + "&rooms=r")) {
            assertThat(socket.welcome().path("sub").asText()).isEqualTo("erin");
        }
    }
}
