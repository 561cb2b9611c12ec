package io.eventgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.eventgate.support.Publish;
import io.eventgate.support.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class DeliveryTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void deliversARoomEventToItsMembersOnly() {
        try (TestSocket member = TestSocket.connect(base, "rooms=iso-1");
                TestSocket otherRoom = TestSocket.connect(base, "rooms=iso-2");
                TestSocket noRoom = TestSocket.connect(base)) {
            ExtractableResponse<Response> accepted = Publish.body(
                    "{\"event\":\"order.created\",\"room\":\"iso-1\",\"data\":{\"orderId\":\"cfa3\"}}")
                    .statusCode(202).extract();
            String marker = Publish.marker();

            JsonNode event = member.next("event");
            assertThat(event.path("id").asText()).isEqualTo(accepted.path("id"));
            assertThat(event.path("event").asText()).isEqualTo("order.created");
            assertThat(event.path("room").asText()).isEqualTo("iso-1");
            assertThat(event.path("data").path("orderId").asText()).isEqualTo("cfa3");
            assertThat(event.path("timestamp").asText()).isEqualTo(accepted.path("timestamp"));
            assertThat(member.next("event").path("id").asText()).isEqualTo(marker);
            // Order is kept per socket: had the room event reached them, it would come before the marker.
            assertThat(otherRoom.next("event").path("id").asText()).isEqualTo(marker);
            assertThat(noRoom.next("event").path("id").asText()).isEqualTo(marker);
        }
    }

    @Test
    void deliversABroadcastToEverySocketWithoutARoomField() {
        try (TestSocket inRoom = TestSocket.connect(base, "rooms=bc-1"); TestSocket noRoom = TestSocket.connect(base)) {
            String id = Publish.accepted("{\"event\":\"system.notice\"}");
            for (TestSocket socket : List.of(inRoom, noRoom)) {
                JsonNode event = socket.next("event");
                assertThat(event.path("id").asText()).isEqualTo(id);
                assertThat(event.has("room")).as("room of a broadcast").isFalse();
                assertThat(event.has("data")).isTrue();
                assertThat(event.get("data").isNull()).isTrue();
            }
        }
    }

    @Test
    void carriesTheDataUnchanged() {
        String data = "{\"n\":1.0,\"big\":123456789012345678901234567890,\"e\":1.5E+300,\"s\":\"caf\u00e9 \ud83d\ude00\","
                + "\"list\":[true,null,{}]}";
        try (TestSocket socket = TestSocket.connect(base, "rooms=data")) {
            Publish.accepted("{\"event\":\"e\",\"room\":\"data\",\"data\":" + data + "}");
            assertThat(socket.next("event").get("data").toString()).isEqualTo(data);
        }
    }

    @Test
    void keepsThePublishingOrderOnEverySocket() {
        try (TestSocket joinedAtConnect = TestSocket.connect(base, "rooms=order");
                TestSocket joinedLater = TestSocket.connect(base)) {
            joinedLater.join("order");
            for (int i = 0; i < 200; i++) {
                Publish.accepted("{\"event\":\"seq\",\"room\":\"order\",\"data\":{\"seq\":" + i + "}}");
            }
            for (TestSocket socket : List.of(joinedAtConnect, joinedLater)) {
                for (int i = 0; i < 200; i++) {
                    assertThat(socket.next("event").path("data").path("seq").asInt()).isEqualTo(i);
                }
            }
        }
    }

    /**
     * Frames reach a socket from the delivery thread once its welcome is out, and from its event
     * loop before: sockets opened while broadcasts flow must still get the welcome first
     * ({@link TestSocket#connect} checks it).
     */
    @Test
    void theWelcomeStaysTheFirstFrameWhileBroadcastsFlow() throws Exception {
        AtomicBoolean publishing = new AtomicBoolean(true);
        ExecutorService publishers = Executors.newFixedThreadPool(4);
        List<TestSocket> sockets = new ArrayList<>();
        try {
            for (int p = 0; p < 4; p++) {
                publishers.execute(() -> {
                    while (publishing.get()) {
                        Publish.accepted("{\"event\":\"flow\"}");
                    }
                });
            }
            for (int i = 0; i < 150; i++) {
                sockets.add(TestSocket.connect(base, i % 2 == 0 ? "rooms=flow" : ""));
            }
            assertThat(sockets.get(sockets.size() - 1).next("event").path("event").asText()).isEqualTo("flow");
        } finally {
            publishing.set(false);
            publishers.shutdown();
            assertThat(publishers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            sockets.forEach(TestSocket::close);
        }
    }

    @Test
    void deliversOnceToASocketThatJoinedTwice() {
        try (TestSocket socket = TestSocket.connect(base, "rooms=twice")) {
            socket.join("twice");
            socket.join("twice");
            String id = Publish.accepted("{\"event\":\"e\",\"room\":\"twice\"}");
            String marker = Publish.marker();
            assertThat(socket.next("event").path("id").asText()).isEqualTo(id);
            assertThat(socket.next("event").path("id").asText()).isEqualTo(marker);
        }
    }

    @Test
    void stopsDeliveringAfterLeave() {
        try (TestSocket socket = TestSocket.connect(base, "rooms=gone")) {
            socket.send("{\"type\":\"leave\",\"room\":\"gone\"}");
            socket.next("left");
            Publish.accepted("{\"event\":\"e\",\"room\":\"gone\"}");
            String marker = Publish.marker();
            assertThat(socket.next("event").path("id").asText()).isEqualTo(marker);
        }
    }

    @Test
    void deliversNothingOfARejectedRequest() {
        try (TestSocket socket = TestSocket.connect(base, "rooms=r1")) {
            Publish.body("{\"event\":\"rejected.unknown\",\"room\":\"r1\",\"extra\":1}").statusCode(400);
            Publish.body("{\"event\":\"rejected.room\",\"room\":7}").statusCode(400);
            Publish.body("{\"event\":\"rejected.json\",\"room\":\"r1\"").statusCode(400);
            Publish.body("{\"event\":\"rejected.big\",\"room\":\"r1\",\"data\":\"" + "x".repeat(1024 * 1024) + "\"}")
                    .statusCode(413);
            io.restassured.RestAssured.given().contentType("text/plain").body("{\"event\":\"rejected.type\"}")
                    .post("/events").then().statusCode(415);
            String marker = Publish.marker();
            assertThat(socket.next("event").path("id").asText()).isEqualTo(marker);
        }
    }
}
