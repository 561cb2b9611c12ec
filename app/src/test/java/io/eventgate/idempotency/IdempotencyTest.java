package io.eventgate.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.eventgate.http.Problem;
import io.eventgate.support.Metrics;
import io.eventgate.support.Publish;
import io.eventgate.support.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** docs/protocol.md section 5, idempotent publish, on one node: a retry is answered, never delivered twice. */
@QuarkusTest
class IdempotencyTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aRepeatGetsTheFirstAnswerAndIsNeitherDeliveredNorCountedAgain() {
        try (TestSocket socket = TestSocket.connect(base, "rooms=idem")) {
            String body = "{\"event\":\"order.paid\",\"room\":\"idem\",\"data\":{\"orderId\":\"o-1\"}}";
            double repeatedBefore = Metrics.value("eventgate_events_repeated_total");
            double acceptedBefore = Metrics.value("eventgate_events_accepted_total");
            ExtractableResponse<Response> first = publish(body, "key-repeat").statusCode(202).extract();
            ExtractableResponse<Response> repeat = publish(body, "key-repeat").statusCode(202).extract();
            assertThat(repeat.<String> path("id")).isEqualTo(first.path("id"));
            assertThat(repeat.<String> path("timestamp")).isEqualTo(first.path("timestamp"));

            String marker = Publish.marker();
            assertThat(socket.next("event").path("id").asText()).isEqualTo(first.<String> path("id"));
            assertThat(socket.next("event").path("id").asText()).as("delivered once").isEqualTo(marker);
            assertThat(Metrics.value("eventgate_events_repeated_total")).isEqualTo(repeatedBefore + 1);
            assertThat(Metrics.value("eventgate_events_accepted_total")).isEqualTo(acceptedBefore + 2);
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        publish("{\"event\":\"a\"}", "key-conflict").statusCode(202);
        publish("{\"event\":\"b\"}", "key-conflict").statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("another request body"));
        // Other bytes are another body, even when they mean the same JSON.
        publish("{ \"event\":\"a\"}", "key-conflict").statusCode(422);
    }

    @Test
    void aRefusedPublishDoesNotUseUpItsKey() {
        publish("{\"event\":\"a\",\"room\":5}", "key-refused").statusCode(400);
        String id = publish("{\"event\":\"a\"}", "key-refused").statusCode(202).extract().path("id");
        assertThat(publish("{\"event\":\"a\"}", "key-refused").statusCode(202).extract().<String> path("id"))
                .isEqualTo(id);
    }

    @Test
    void withoutAKeyEveryPublishIsNew() {
        String first = Publish.accepted("{\"event\":\"no.key\"}");
        assertThat(Publish.accepted("{\"event\":\"no.key\"}")).isNotEqualTo(first);
    }

    @Test
    void aKeyThatIsNotVisibleAsciiIs400() {
        for (String key : List.of("has space", "x".repeat(256), "caf\u00e9")) {
            publish("{\"event\":\"a\"}", key).statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("status", equalTo(400)).body("detail", containsString("Idempotency-Key"));
        }
    }

    @Test
    void concurrentRepeatsAreDeliveredOnceAndAnsweredTheSameOrWith409() throws Exception {
        try (TestSocket socket = TestSocket.connect(base, "rooms=race")) {
            String body = "{\"event\":\"race\",\"room\":\"race\"}";
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<ExtractableResponse<Response>>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    calls.add(() -> publish(body, "key-race").extract());
                }
                List<ExtractableResponse<Response>> answers = new ArrayList<>();
                for (Future<ExtractableResponse<Response>> answer : pool.invokeAll(calls)) {
                    answers.add(answer.get());
                }
                assertThat(answers).extracting(ExtractableResponse::statusCode).isSubsetOf(202, 409).contains(202);
                Set<String> ids = answers.stream().filter(answer -> answer.statusCode() == 202)
                        .map(answer -> answer.<String> path("id")).collect(Collectors.toSet());
                assertThat(ids).hasSize(1);
                String marker = Publish.marker();
                assertThat(socket.next("event").path("id").asText()).isEqualTo(ids.iterator().next());
                assertThat(socket.next("event").path("id").asText()).as("delivered once").isEqualTo(marker);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static io.restassured.response.ValidatableResponse publish(String body, String key) {
        return given().contentType(ContentType.JSON).headers(Map.of("Idempotency-Key", key)).body(body)
                .post("/events").then();
    }
}
