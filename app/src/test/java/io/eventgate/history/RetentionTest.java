package io.eventgate.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.eventgate.support.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** docs/protocol.md section 4, retention: at most max-events per room, none older than the ttl. */
@QuarkusTest
@TestProfile(HistoryLimitsProfile.class)
class RetentionTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void pastMaxEventsTheOldestGoAndAResumeSaysItDidNotRecover() {
        String since = accepted("{\"event\":\"first\",\"room\":\"kept\"}").path("offset");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(publish("{\"event\":\"e" + i + "\",\"room\":\"kept\"}"));
        }
        try (TestSocket socket = TestSocket.connect(base, "rooms=kept&since=" + since)) {
            assertThat(socket.welcome().path("recovered").asBoolean(true)).isFalse();
            for (String id : ids.subList(3, 8)) {
                assertThat(socket.next("event").path("id").asText()).isEqualTo(id);
            }
            String live = publish("{\"event\":\"live\",\"room\":\"kept\"}");
            assertThat(socket.next("event").path("id").asText()).as("never more than five replayed").isEqualTo(live);
        }
        given().queryParam("room", "kept").queryParam("limit", "1000").get("/history").then().statusCode(200)
                .body("events.size()", org.hamcrest.Matchers.equalTo(5));
    }

    @Test
    void pastMaxBytesTheOldestEventsOfAllRoomsGo() {
        String pad = "x".repeat(3000);
        String since = accepted("{\"event\":\"mark\",\"room\":\"big-a\"}").path("offset");
        accepted("{\"event\":\"big0\",\"room\":\"big-a\",\"data\":\"" + pad + "\"}");
        accepted("{\"event\":\"big1\",\"room\":\"big-b\",\"data\":\"" + pad + "\"}");
        String kept = publish("{\"event\":\"big2\",\"room\":\"big-a\",\"data\":\"" + pad + "\"}");
        String newest = publish("{\"event\":\"big3\",\"room\":\"big-a\",\"data\":\"" + pad + "\"}");
        // Four frames of 3 KB do not fit in 8 KiB: the oldest go, of both rooms, until two are left.
        given().queryParam("room", "big-a").get("/history").then().statusCode(200)
                .body("events.id", org.hamcrest.Matchers.equalTo(List.of(kept, newest)));
        given().queryParam("room", "big-b").get("/history").then().statusCode(200)
                .body("events.size()", org.hamcrest.Matchers.equalTo(0));
        given().queryParam("room", "big-a").queryParam("since", since).get("/history").then().statusCode(200)
                .body("recovered", org.hamcrest.Matchers.equalTo(false));
    }

    @Test
    void pastTheTtlEventsAreGone() {
        String since = accepted("{\"event\":\"old\",\"room\":\"aging\"}").path("offset");
        publish("{\"event\":\"older\",\"room\":\"aging\"}");
        await().pollDelay(Duration.ofMillis(2200)).atMost(Duration.ofSeconds(5)).until(() -> true);
        try (TestSocket socket = TestSocket.connect(base, "rooms=aging&since=" + since)) {
            assertThat(socket.welcome().path("recovered").asBoolean(true)).isFalse();
            String live = publish("{\"event\":\"new\",\"room\":\"aging\"}");
            assertThat(socket.next("event").path("id").asText()).isEqualTo(live);
        }
    }

    private static ExtractableResponse<Response> accepted(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/events").then().statusCode(202).extract();
    }

    private static String publish(String json) {
        return accepted(json).path("id");
    }

}
