package io.eventgate.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.eventgate.support.Metrics;
import io.eventgate.support.Publish;

import io.eventgate.support.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The service's meters in Prometheus format, moving with real traffic. */
@QuarkusTest
class MetricsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void countsAcceptedRejectedAndDeliveredAndGaugesSocketsAndRooms() {
        double accepted = Metrics.value("eventgate_events_accepted_total");
        double invalidRoom = Metrics.value("eventgate_events_rejected_total{reason=\"invalid-room\",status=\"400\"}");
        double delivered = Metrics.value("eventgate_frames_delivered_total");
        try (TestSocket socket = TestSocket.connect(base, "rooms=metered-1,metered-2")) {
            assertThat(Metrics.value("eventgate_sockets_open")).isGreaterThanOrEqualTo(1);
            assertThat(Metrics.value("eventgate_rooms")).isGreaterThanOrEqualTo(2);
            Publish.accepted("{\"event\":\"metered\",\"room\":\"metered-1\"}");
            Publish.body("{\"event\":\"metered\",\"room\":\"\"}").statusCode(400);
            socket.next("event");
            await().untilAsserted(() -> assertThat(Metrics.value("eventgate_frames_delivered_total")).isEqualTo(delivered + 1));
        }
        assertThat(Metrics.value("eventgate_events_accepted_total")).isEqualTo(accepted + 1);
        assertThat(Metrics.value("eventgate_events_rejected_total{reason=\"invalid-room\",status=\"400\"}"))
                .isEqualTo(invalidRoom + 1);
        assertThat(Metrics.value("eventgate_delivery_latency_seconds_count")).isPositive();
        assertThat(given().get("/q/metrics").asString()).contains("eventgate_delivery_latency_seconds_bucket");
    }
}
