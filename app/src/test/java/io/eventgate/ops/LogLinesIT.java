package io.eventgate.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.eventgate.support.TestSocket;
import io.eventgate.testing.ServiceProcess;

/**
 * The log lines of docs/protocol.md section 3, as the packaged service prints them by default, and
 * the same records as JSON objects, as the images print them.
 */
class LogLinesIT {

    private static final Path JAR = ServiceProcess.packaged();
    private static final Path LOGS = Path.of("target/e2e");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}";

    private static final String ORDER = "{\"event\":\"order.created\",\"room\":\"contract\","
            + "\"data\":{\"orderId\":\"cfa3f520-fa3f-4859-b5b0-a0b4e32e593f\"}}";

    @Test
    void printsTheEventAndEachDeliveryAsTheContractShows() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(JAR, "log-lines", Map.of(), LOGS);
                TestSocket socket = TestSocket.connect(service.base(), "rooms=contract")) {
            publishAndReceive(service, socket);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(service.log())
                    .containsPattern("(?m)^" + TIMESTAMP
                            + " INFO  \\[order\\.created\\] orderId: cfa3f520-fa3f-4859-b5b0-a0b4e32e593f$")
                    .containsPattern("(?m)^" + TIMESTAMP + " INFO  \\[order\\.created\\] event sent to: "
                            + socket.connectionId() + "$"));
        }
    }

    /** What the images (Dockerfile, Dockerfile.native) and kubernetes/ switch on: the same records as JSON lines. */
    @Test
    void printsTheSameRecordsAsJsonObjectsWhenJsonIsOn() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(JAR, "log-lines-json",
                Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"), LOGS);
                TestSocket socket = TestSocket.connect(service.base(), "rooms=contract")) {
            String id = publishAndReceive(service, socket);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<JsonNode> records = jsonLines(service.log()).stream()
                        .filter(line -> line.path("loggerName").asText().equals("order.created")).toList();
                assertThat(records).anySatisfy(line -> {
                    assertThat(line.path("level").asText()).isEqualTo("INFO");
                    assertThat(line.path("message").asText()).isEqualTo("orderId: cfa3f520-fa3f-4859-b5b0-a0b4e32e593f");
                    assertThat(line.path("mdc").path("eventId").asText()).isEqualTo(id);
                    assertThat(line.path("timestamp").asText()).isNotBlank();
                });
                assertThat(records).anySatisfy(line -> {
                    assertThat(line.path("message").asText()).isEqualTo("event sent to: " + socket.connectionId());
                    assertThat(line.path("mdc").path("connectionId").asText()).isEqualTo(socket.connectionId());
                });
            });
        }
    }

    private static String publishAndReceive(ServiceProcess service, TestSocket socket) throws Exception {
        HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(service.base() + "events")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ORDER)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        return socket.next("event").path("id").asText();
    }

    /** Every line of the log that is a JSON object; the JVM's own warnings, if any, are not. */
    private static List<JsonNode> jsonLines(String log) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).as("JSON lines in %s", log).isNotEmpty();
        return lines;
    }
}
