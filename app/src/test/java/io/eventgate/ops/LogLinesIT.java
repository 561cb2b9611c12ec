package io.eventgate.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventgate.support.TestSocket;
import io.eventgate.testing.ServiceProcess;

/**
 * The log lines of shared/API.md section 3, as the packaged service prints them by default.
 */
class LogLinesIT {

    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}";

    @Test
    void printsTheEventAndEachDeliveryAsTheContractShows() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(Path.of("target/quarkus-app/quarkus-run.jar"), "log-lines",
                Map.of(), Path.of("target/e2e"));
                TestSocket socket = TestSocket.connect(service.base(), "rooms=contract")) {
            HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(service.base() + "events")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"order.created\",\"room\":\"contract\","
                            + "\"data\":{\"orderId\":\"cfa3f520-fa3f-4859-b5b0-a0b4e32e593f\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(202);
            socket.next("event");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(service.log())
                    .containsPattern("(?m)^" + TIMESTAMP
                            + " INFO  \\[order\\.created\\] orderId: cfa3f520-fa3f-4859-b5b0-a0b4e32e593f$")
                    .containsPattern("(?m)^" + TIMESTAMP + " INFO  \\[order\\.created\\] event sent to: "
                            + socket.connectionId() + "$"));
        }
    }
}
