package io.eventgate.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.eventgate.http.Problem;
import io.eventgate.support.Metrics;
import io.eventgate.support.Publish;
import io.eventgate.support.TestSocket;
import io.eventgate.testing.RawSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** docs/protocol.md section 5: the connection limit and the publish rate limit, each with its metric. */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class LimitsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aHandshakePastMaxConnectionsGets503() throws Exception {
        List<TestSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(TestSocket.connect(base));
            }
            try (RawSocket refused = RawSocket.connect(base, "")) {
                assertThat(refused.handshakeStatus()).isEqualTo(503);
                assertThat(refused.handshakeResponse()).containsIgnoringCase("content-type: " + Problem.MEDIA_TYPE)
                        .containsIgnoringCase("connection: close");
            }
            assertThat(Metrics.value("eventgate_sockets_refused_total{reason=\"max-connections\"}")).isEqualTo(1);
            open.remove(0).close();
            await().until(() -> Metrics.value("eventgate_sockets_open") == 2);
            open.add(TestSocket.connect(base));
        } finally {
            open.forEach(TestSocket::close);
        }
    }

    @Test
    void aPublisherOverItsRateGets429WithRetryAfter() {
        int accepted = 0;
        ExtractableResponse<Response> refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            ExtractableResponse<Response> response = Publish.body("{\"event\":\"rated\"}").extract();
            if (response.statusCode() == 202) {
                accepted++;
            } else {
                refused = response;
            }
        }
        // The bucket holds 5 and refills one every 200 ms while the requests go on.
        assertThat(accepted).isBetween(5, 10);
        assertThat(refused).isNotNull();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.<String>path("detail")).contains("eventgate.publish.rate-limit");
        assertThat(Metrics.value("eventgate_events_rejected_total{reason=\"rate-limited\",status=\"429\"}")).isEqualTo(1);
        await().untilAsserted(() -> Publish.body("{\"event\":\"rated\"}").statusCode(202));
    }
}
