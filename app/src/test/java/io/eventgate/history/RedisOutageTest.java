package io.eventgate.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.eventgate.backplane.RedisHistory;
import io.eventgate.http.Problem;
import io.eventgate.support.TestSocket;
import io.eventgate.testing.CapturedLogs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The history in Redis when Redis goes away or loses everything: resume says so
 * ({@code recovered: false}), never a silent gap, and this node's sockets keep getting events.
 */
@QuarkusTest
@TestProfile(RedisBackplaneProfile.Outage.class)
class RedisOutageTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aRedisThatLostEverythingStartsANewHistoryAndOldOffsetsSayNotRecovered() {
        try (TestSocket socket = TestSocket.connect(base, "rooms=flushed")) {
            String before = publish("{\"event\":\"before\",\"room\":\"flushed\"}").path("offset").asText();
            assertThat(socket.next("event").path("offset").asText()).isEqualTo(before);
            RedisBackplaneProfile.Outage.REDIS.flushAll();
            JsonNode after = publish("{\"event\":\"after\",\"room\":\"flushed\"}");
            assertThat(epoch(after.path("offset").asText())).as("a new epoch").isNotEqualTo(epoch(before));
            assertThat(socket.next("event").path("id").asText()).as("read from the new history's start")
                    .isEqualTo(after.path("id").asText());
            try (TestSocket back = TestSocket.connect(base, "rooms=flushed&since=" + before)) {
                assertThat(back.welcome().path("recovered").asBoolean(true)).isFalse();
            }
            try (TestSocket back = TestSocket.connect(base, "rooms=flushed&since=" + after.path("offset").asText())) {
                assertThat(back.welcome().path("recovered").asBoolean(false)).isTrue();
            }
        }
    }

    @Test
    void whileRedisIsAwaySocketsHereKeepGettingEventsAndResumeSaysNotRecovered() {
        try (TestSocket socket = TestSocket.connect(base, "rooms=away")) {
            String before = publish("{\"event\":\"before\",\"room\":\"away\"}").path("offset").asText();
            socket.next("event");
            RedisBackplaneProfile.Outage.REDIS.stop();
            try {
                JsonNode during = publish("{\"event\":\"during\",\"room\":\"away\"}");
                assertThat(during.has("offset")).as("not in the cluster's history").isFalse();
                assertThat(socket.next("event").path("id").asText()).isEqualTo(during.path("id").asText());
                try (CapturedLogs logs = CapturedLogs.install();
                        TestSocket back = TestSocket.connect(base, "rooms=away&since=" + before)) {
                    assertThat(back.welcome().path("recovered").asBoolean(true)).isFalse();
                    assertThat(logs.of(RedisHistory.class.getName())).as("the operator sees why")
                            .anySatisfy(record -> {
                                assertThat(record.getLevel().getName()).isEqualTo("WARN");
                                assertThat(record.getFormattedMessage()).contains("resume after " + before)
                                        .contains("did not answer");
                            });
                }
                given().queryParam("room", "away").get("/history").then().statusCode(503)
                        .contentType(Problem.MEDIA_TYPE);
                given().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'eventgate-backplane' }.data.backplane",
                                org.hamcrest.Matchers.startsWith("degraded"));
            } finally {
                RedisBackplaneProfile.Outage.REDIS.startAgain();
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .body("checks.find { it.name == 'eventgate-backplane' }.data.backplane", equalTo("connected")));
            JsonNode back = publish("{\"event\":\"back\",\"room\":\"away\"}");
            assertThat(back.path("offset").asText()).isNotEmpty();
            assertThat(socket.next("event").path("id").asText()).isEqualTo(back.path("id").asText());
        }
    }

    private static JsonNode publish(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/events").then().statusCode(202).extract()
                .as(JsonNode.class);
    }

    private static String epoch(String offset) {
        return offset.substring(0, offset.lastIndexOf('-'));
    }
}
