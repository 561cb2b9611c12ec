package io.eventgate.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.eventgate.http.Problem;
import io.eventgate.support.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** docs/protocol.md section 4 on one node: offsets, resume at connect and at join, GET /history. */
@QuarkusTest
class ResumeTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theOffsetOfThe202IsTheOffsetOfTheFrame() {
        try (TestSocket socket = TestSocket.connect(base, "rooms=offsets")) {
            ExtractableResponse<Response> first = publish("{\"event\":\"a\",\"room\":\"offsets\"}");
            ExtractableResponse<Response> second = publish("{\"event\":\"b\",\"room\":\"offsets\"}");
            assertThat(first.<String> path("offset")).isNotBlank().hasSizeLessThanOrEqualTo(64);
            assertThat(second.<String> path("offset")).isNotEqualTo(first.path("offset"));
            assertThat(socket.next("event").path("offset").asText()).isEqualTo(first.<String> path("offset"));
            assertThat(socket.next("event").path("offset").asText()).isEqualTo(second.<String> path("offset"));
        }
    }

    @Test
    void aSocketThatComesBackWithSinceGetsWhatItMissedInOrderThenLiveEvents() {
        String since;
        try (TestSocket before = TestSocket.connect(base, "rooms=resume-a")) {
            publish("{\"event\":\"seen\",\"room\":\"resume-a\"}");
            since = before.next("event").path("offset").asText();
        }
        List<String> missed = new ArrayList<>();
        missed.add(id(publish("{\"event\":\"missed.1\",\"room\":\"resume-a\"}")));
        publish("{\"event\":\"elsewhere\",\"room\":\"resume-other\"}");
        missed.add(id(publish("{\"event\":\"missed.broadcast\"}")));
        missed.add(id(publish("{\"event\":\"missed.2\",\"room\":\"resume-a\"}")));

        try (TestSocket back = TestSocket.connect(base, "rooms=resume-a&since=" + since)) {
            assertThat(back.welcome().path("recovered").asBoolean(false)).isTrue();
            for (String id : missed) {
                assertThat(back.next("event").path("id").asText()).isEqualTo(id);
            }
            String live = id(publish("{\"event\":\"live\",\"room\":\"resume-a\"}"));
            assertThat(back.next("event").path("id").asText()).as("live, once").isEqualTo(live);
        }
    }

    @Test
    void aJoinWithSinceReplaysThatRoomAloneAndSaysItRecovered() {
        String since = publish("{\"event\":\"mark\",\"room\":\"resume-b\"}").path("offset");
        String missed = id(publish("{\"event\":\"missed\",\"room\":\"resume-b\"}"));
        publish("{\"event\":\"broadcast.not.replayed\"}");
        try (TestSocket socket = TestSocket.connect(base)) {
            socket.send("{\"type\":\"join\",\"room\":\"resume-b\",\"since\":\"" + since + "\"}");
            JsonNode joined = socket.next("joined");
            assertThat(joined.path("room").asText()).isEqualTo("resume-b");
            assertThat(joined.path("recovered").asBoolean(false)).isTrue();
            assertThat(socket.next("event").path("id").asText()).isEqualTo(missed);
            String live = id(publish("{\"event\":\"live\",\"room\":\"resume-b\"}"));
            assertThat(socket.next("event").path("id").asText()).isEqualTo(live);
        }
    }

    @Test
    void anOffsetThatCannotBeUsedReplaysNothingAndSaysSo() {
        publish("{\"event\":\"before\",\"room\":\"resume-c\"}");
        for (String since : List.of("not-an-offset", "0123456789abcdef-1", "ffff-99999999")) {
            try (TestSocket socket = TestSocket.connect(base, "rooms=resume-c&since=" + since)) {
                assertThat(socket.welcome().path("recovered").isBoolean()).isTrue();
                assertThat(socket.welcome().path("recovered").asBoolean()).as(since).isFalse();
                String live = id(publish("{\"event\":\"live\",\"room\":\"resume-c\"}"));
                assertThat(socket.next("event").path("id").asText()).as("live only").isEqualTo(live);
            }
        }
    }

    @Test
    void aSocketWithoutSinceHasNoRecoveredField() {
        try (TestSocket socket = TestSocket.connect(base)) {
            assertThat(socket.welcome().has("recovered")).isFalse();
        }
    }

    @Test
    void resumingWhilePublishersPublishLosesNothingAndRepeatsNothing() throws Exception {
        String since = publish("{\"event\":\"start\",\"room\":\"race\"}").path("offset");
        Set<String> published = ConcurrentHashMap.newKeySet();
        ExecutorService publishers = Executors.newFixedThreadPool(2);
        AtomicInteger count = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            running.add(publishers.submit(() -> {
                for (int i = 0; i < 150; i++) {
                    published.add(id(publish("{\"event\":\"race\",\"room\":\"race\",\"data\":" + count.incrementAndGet()
                            + "}")));
                }
            }));
        }
        try {
            while (count.get() < 100) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            try (TestSocket socket = TestSocket.connect(base, "rooms=race&since=" + since)) {
                assertThat(socket.welcome().path("recovered").asBoolean(false)).isTrue();
                for (Future<?> publisher : running) {
                    publisher.get(60, TimeUnit.SECONDS);
                }
                String end = id(publish("{\"event\":\"end\",\"room\":\"race\"}"));
                List<String> received = new ArrayList<>();
                List<Long> offsets = new ArrayList<>();
                for (JsonNode event = socket.next("event"); ; event = socket.next("event")) {
                    offsets.add(Offset.parse(event.path("offset").asText()).orElseThrow().seq());
                    if (event.path("id").asText().equals(end)) {
                        break;
                    }
                    received.add(event.path("id").asText());
                }
                assertThat(received).as("each once").doesNotHaveDuplicates();
                assertThat(Set.copyOf(received)).as("none missing").isEqualTo(published);
                List<Long> sorted = new ArrayList<>(offsets);
                Collections.sort(sorted);
                assertThat(offsets).as("in offset order").isEqualTo(sorted);
            }
        } finally {
            publishers.shutdownNow();
        }
    }

    @Test
    void theHistoryIsReadableOverHttp() {
        String since = publish("{\"event\":\"h0\",\"room\":\"resume-h\"}").path("offset");
        String first = id(publish("{\"event\":\"h1\",\"room\":\"resume-h\"}"));
        String second = id(publish("{\"event\":\"h2\",\"room\":\"resume-h\"}"));
        given().queryParam("room", "resume-h").queryParam("since", since).get("/history").then().statusCode(200)
                .body("recovered", equalTo(true))
                .body("events.id", equalTo(List.of(first, second)))
                .body("events[0].type", equalTo("event"));
        given().queryParam("room", "resume-h").queryParam("since", since).queryParam("limit", "1").get("/history")
                .then().statusCode(200).body("events.id", equalTo(List.of(first)));
        given().queryParam("room", "resume-h").get("/history").then().statusCode(200)
                .body("recovered", equalTo(true)).body("events.size()", equalTo(3));
        given().queryParam("room", "resume-h").queryParam("since", "nonsense").get("/history").then().statusCode(200)
                .body("recovered", equalTo(false)).body("events.size()", equalTo(0));
        String broadcast = id(publish("{\"event\":\"h.broadcast\"}"));
        given().queryParam("since", since).get("/history").then().statusCode(200)
                .body("events.id", org.hamcrest.Matchers.hasItem(broadcast));
        for (String limit : List.of("0", "1001", "ten")) {
            given().queryParam("limit", limit).get("/history").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("detail", containsString("limit"));
        }
    }

    private static ExtractableResponse<Response> publish(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/events").then().statusCode(202).extract();
    }

    private static String id(ExtractableResponse<Response> accepted) {
        return accepted.path("id");
    }
}
