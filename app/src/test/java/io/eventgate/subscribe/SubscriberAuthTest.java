package io.eventgate.subscribe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.eventgate.http.Problem;
import io.eventgate.support.Metrics;
import io.eventgate.support.TestSocket;
import io.eventgate.testing.RawSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** docs/protocol.md section 6 with RS256 keys: who may open a socket, and which rooms it may join. */
@QuarkusTest
@TestProfile(Rs256Profile.class)
class SubscriberAuthTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @TestHTTPResource("/")
    URI base;

    @Test
    void aHandshakeWithoutATokenGets401BeforeTheUpgrade() throws Exception {
        double before = Metrics.value("eventgate_sockets_refused_total{reason=\"unauthorized\"}");
        refused("rooms=secret-room", Map.of(), "A token is required");
        // Refused twice: the raw handshake, and the one that reads the problem document.
        assertThat(Metrics.value("eventgate_sockets_refused_total{reason=\"unauthorized\"}")).isEqualTo(before + 2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "not-a-jwt", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1MSJ9." })
    void aMalformedTokenGets401(String token) throws Exception {
        refused("token=" + token, Map.of(), "The token is not valid");
    }

    @Test
    void aTokenSignedWithAnotherKeyGets401() throws Exception {
        String forged = Tokens.rs256(Tokens.claims("u1", List.of("*"), TEN_MINUTES), TestKeys.FOREIGN_RSA.getPrivate());
        refused("token=" + forged, Map.of(), "The token is not valid");
        refused("", Map.of("Authorization", "Bearer " + forged), "The token is not valid");
    }

    @Test
    void anExpiredTokenGets401() throws Exception {
        String expired = Tokens.rs256("u1", List.of("*"), Duration.ofSeconds(-5));
        refused("token=" + expired, Map.of(), "expired");
    }

    @Test
    void aTokenOfAnotherIssuerGets401() throws Exception {
        String other = Tokens.rs256(Tokens.claims("u1", List.of("*"), TEN_MINUTES).issuer("https://elsewhere"),
                TestKeys.RSA.getPrivate());
        refused("token=" + other, Map.of(), "The token is not valid");
    }

    @Test
    void theTokenGoesInTheQueryOrTheAuthorizationHeaderAndSubIsInTheWelcome() {
        try (TestSocket query = TestSocket.connect(base, "token=" + Tokens.rs256("alice", List.of(), TEN_MINUTES));
                TestSocket header = TestSocket.connect(base, "",
                        Map.of("Authorization", "Bearer " + Tokens.rs256("bob", List.of(), TEN_MINUTES)))) {
            assertThat(query.welcome().path("sub").asText()).isEqualTo("alice");
            assertThat(header.welcome().path("sub").asText()).isEqualTo("bob");
        }
    }

    @Test
    void exactAndPrefixGrantsAreJoinableAndNothingElseIs() {
        String token = Tokens.rs256("u1", List.of("r1", "orders:u1:*"), TEN_MINUTES);
        try (TestSocket socket = TestSocket.connect(base, "token=" + token + "&rooms=r1,orders:u1:42,secret-room")) {
            assertThat(socket.next("error").path("message").asText())
                    .isEqualTo("not allowed to join room 'secret-room'");
            socket.join("orders:u1:7");
            socket.send("{\"type\":\"join\",\"room\":\"orders:u2:1\"}");
            assertThat(socket.next("error").path("message").asText())
                    .isEqualTo("not allowed to join room 'orders:u2:1'");
            socket.send("{\"type\":\"join\",\"room\":\"r10\"}");
            assertThat(socket.next("error").path("message").asText()).isEqualTo("not allowed to join room 'r10'");

            accepted("{\"event\":\"secret\",\"room\":\"secret-room\",\"data\":{\"card\":\"4111\"}}");
            accepted("{\"event\":\"other\",\"room\":\"orders:u2:1\"}");
            String granted = accepted("{\"event\":\"mine\",\"room\":\"orders:u1:42\"}");
            String broadcast = accepted("{\"event\":\"test.marker\"}");
            assertThat(socket.next("event").path("id").asText()).isEqualTo(granted);
            assertThat(socket.next("event").path("id").asText()).isEqualTo(broadcast);
        }
    }

    @Test
    void publicRoomsNeedNoGrant() {
        try (TestSocket socket = TestSocket.connect(base, "token=" + Tokens.rs256("u2", List.of(), TEN_MINUTES))) {
            socket.join("public:news");
            socket.join("lobby");
            socket.send("{\"type\":\"join\",\"room\":\"lobby2\"}");
            assertThat(socket.next("error").path("message").asText()).isEqualTo("not allowed to join room 'lobby2'");
        }
    }

    @Test
    void aRefreshThatShrinksTheGrantLeavesTheRoomsNoLongerGranted() {
        String token = Tokens.rs256("u3", List.of("a", "b:*"), TEN_MINUTES);
        try (TestSocket socket = TestSocket.connect(base, "token=" + token + "&rooms=a,b:1,public:x")) {
            String refreshed = Tokens.rs256("u3", List.of("a"), Duration.ofMinutes(20));
            socket.send("{\"type\":\"auth\",\"token\":\"" + refreshed + "\"}");
            JsonNode authenticated = socket.next("authenticated");
            assertThat(Instant.parse(authenticated.path("expiresAt").asText()))
                    .isAfter(Instant.now().plus(Duration.ofMinutes(19)));
            assertThat(socket.next("left").path("room").asText()).isEqualTo("b:1");

            accepted("{\"event\":\"gone\",\"room\":\"b:1\"}");
            String kept = accepted("{\"event\":\"kept\",\"room\":\"a\"}");
            String open = accepted("{\"event\":\"open\",\"room\":\"public:x\"}");
            assertThat(socket.next("event").path("id").asText()).isEqualTo(kept);
            assertThat(socket.next("event").path("id").asText()).isEqualTo(open);
        }
    }

    @Test
    void aRefreshForAnotherSubOrWithABadTokenChangesNothing() {
        String token = Tokens.rs256("u4", List.of("mine"), TEN_MINUTES);
        try (TestSocket socket = TestSocket.connect(base, "token=" + token + "&rooms=mine")) {
            socket.send("{\"type\":\"auth\",\"token\":\"" + Tokens.rs256("mallory", List.of("*"), TEN_MINUTES) + "\"}");
            assertThat(socket.next("error").path("message").asText()).contains("another subscriber");
            socket.send("{\"type\":\"auth\",\"token\":\"garbage\"}");
            assertThat(socket.next("error").path("message").asText()).contains("the current token stands");
            socket.send("{\"type\":\"join\",\"room\":\"theirs\"}");
            assertThat(socket.next("error").path("message").asText()).isEqualTo("not allowed to join room 'theirs'");
            String mine = accepted("{\"event\":\"still\",\"room\":\"mine\"}");
            assertThat(socket.next("event").path("id").asText()).isEqualTo(mine);
        }
    }

    @Test
    void atExpiryWithoutRefreshTheSocketIsClosedWith1008WithinASecond() {
        // exp is in whole seconds.
        Instant expiry = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        String token = Tokens.rs256(Tokens.claims("u5", List.of(), Duration.ZERO).expiresAt(expiry),
                TestKeys.RSA.getPrivate());
        try (TestSocket socket = TestSocket.connect(base, "token=" + token)) {
            assertThat(socket.closedWith()).isEqualTo(1008);
            assertThat(socket.closeReason()).isEqualTo("token expired");
            assertThat(Instant.now()).isBefore(expiry.plusSeconds(2)).isAfterOrEqualTo(expiry);
        }
    }

    @Test
    void aRefreshedSocketOutlivesItsFirstToken() {
        Instant first = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        String token = Tokens.rs256(Tokens.claims("u6", List.of(), Duration.ZERO).expiresAt(first),
                TestKeys.RSA.getPrivate());
        try (TestSocket socket = TestSocket.connect(base, "token=" + token)) {
            socket.send("{\"type\":\"auth\",\"token\":\"" + Tokens.rs256("u6", List.of(), TEN_MINUTES) + "\"}");
            socket.next("authenticated");
            String marker = accepted("{\"event\":\"test.marker\"}");
            assertThat(socket.next("event").path("id").asText()).isEqualTo(marker);
            // Past the first expiry, the socket still receives.
            await().until(() -> Instant.now().isAfter(first.plusMillis(800)));
            String after = accepted("{\"event\":\"test.marker\"}");
            assertThat(socket.next("event").path("id").asText()).isEqualTo(after);
        }
    }

    @Test
    void tokensAreMintedWithTheApiKeyAndLetTheirBearerIn() {
        String body = given().header("Authorization", "Bearer " + Rs256Profile.API_KEY).contentType(ContentType.JSON)
                .body("{\"sub\":\"carol\",\"rooms\":[\"orders:carol:*\"],\"ttl\":\"PT5M\"}")
                .post("/tokens").then().statusCode(201)
                .body("expiresAt", org.hamcrest.Matchers.notNullValue())
                .extract().path("token");
        try (TestSocket socket = TestSocket.connect(base, "token=" + body + "&rooms=orders:carol:1")) {
            assertThat(socket.welcome().path("sub").asText()).isEqualTo("carol");
            String mine = accepted("{\"event\":\"e\",\"room\":\"orders:carol:1\"}");
            assertThat(socket.next("event").path("id").asText()).isEqualTo(mine);
        }
    }

    @Test
    void mintingNeedsTheApiKey() {
        given().contentType(ContentType.JSON).body("{\"sub\":\"x\"}").post("/tokens").then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body("{\"sub\":\"x\"}")
                .post("/tokens").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"sub\":\"\"}", "{\"sub\":7}", "{\"sub\":\"u\",\"ttl\":\"10 minutes\"}",
            "{\"sub\":\"u\",\"ttl\":\"-PT1M\"}", "{\"sub\":\"u\",\"rooms\":\"r1\"}", "{\"sub\":\"u\",\"rooms\":[1]}",
            "{\"sub\":\"u\",\"room\":[\"r1\"]}", "[]", "" })
    void aBadMintingBodyGets400(String body) {
        given().header("Authorization", "Bearer " + Rs256Profile.API_KEY).contentType(ContentType.JSON).body(body)
                .post("/tokens").then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("status", equalTo(400));
    }

    @Test
    void mintingTakesJsonOnly() {
        given().header("Authorization", "Bearer " + Rs256Profile.API_KEY).contentType("text/plain")
                .body("{\"sub\":\"u\"}").post("/tokens").then().statusCode(415).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aLongTtlIsCutToTheMaximum() {
        String expiresAt = given().header("Authorization", "Bearer " + Rs256Profile.API_KEY)
                .contentType(ContentType.JSON).body("{\"sub\":\"u\",\"ttl\":\"P30D\"}")
                .post("/tokens").then().statusCode(201).extract().path("expiresAt");
        assertThat(Instant.parse(expiresAt)).isBefore(Instant.now().plus(Duration.ofHours(24)).plusSeconds(5));
    }

    static String accepted(String json) {
        return given().header("Authorization", "Bearer " + Rs256Profile.API_KEY).contentType(ContentType.JSON)
                .body(json).post("/events").then().statusCode(202).extract().path("id");
    }

    private void refused(String query, Map<String, String> headers, String detail) throws Exception {
        try (RawSocket refused = RawSocket.connect(base, query, headers, 0)) {
            assertThat(refused.handshakeStatus()).isEqualTo(401);
            assertThat(refused.handshakeResponse()).containsIgnoringCase("content-type: " + Problem.MEDIA_TYPE)
                    .containsIgnoringCase("www-authenticate: Bearer")
                    .doesNotContainIgnoringCase("upgrade: websocket");
        }
        // The same handshake again, to read the problem document's detail.
        given().headers(headers).header("Upgrade", "websocket").header("Connection", "Upgrade")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").header("Sec-WebSocket-Version", "13")
                .urlEncodingEnabled(false).get("/ws" + (query.isEmpty() ? "" : "?" + query))
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE).body("detail", containsString(detail));
    }
}
