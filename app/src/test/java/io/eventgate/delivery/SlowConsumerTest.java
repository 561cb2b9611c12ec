package io.eventgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.eventgate.config.EventgateConfig;
import io.eventgate.support.Metrics;
import io.eventgate.support.Publish;
import io.eventgate.support.TestSocket;
import io.eventgate.testing.RawSocket;
import io.eventgate.testing.RawSocket.Frame;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * docs/protocol.md section 5: a socket whose client stops reading is closed with 1008 once it holds more than
 * {@code eventgate.socket.max-pending-bytes}, and the others keep receiving, before and after.
 * ({@code SlowConsumerIT} runs the same drill at scale on the packaged service.)
 */
@QuarkusTest
class SlowConsumerTest {

    private static final String CLOSED = "eventgate_sockets_closed_total{reason=\"slow-consumer\"}";

    @TestHTTPResource("/")
    URI base;

    @Inject
    EventgateConfig config;

    @Test
    void aSocketThatStopsReadingIsClosedAndTheOthersGetEveryEvent() throws Exception {
        double closedBefore = Metrics.value(CLOSED);
        String data = "x".repeat(100_000);
        List<String> published = new ArrayList<>();
        try (RawSocket paused = RawSocket.connect(base, "", Map.of(), 4096);
                TestSocket reader = TestSocket.connect(base)) {
            // The paused client reads nothing, not even its welcome: kernel buffers fill, then the server's.
            for (int i = 0; i < 400 && Metrics.value(CLOSED) == closedBefore; i++) {
                published.add(Publish.accepted("{\"event\":\"big\",\"data\":{\"i\":" + i + ",\"pad\":\"" + data + "\"}}"));
            }
            assertThat(Metrics.value(CLOSED)).as("slow sockets closed").isEqualTo(closedBefore + 1);
            for (int i = 0; i < 5; i++) {
                published.add(Publish.accepted("{\"event\":\"after\"}"));
            }
            for (String id : published) {
                assertThat(reader.next("event").path("id").asText()).isEqualTo(id);
            }
            Frame close = paused.readUntilClose(Duration.ofSeconds(10));
            assertThat(close.closeCode()).isEqualTo(1008);
            assertThat(close.closeReason()).startsWith("slow consumer");
        }
    }

    /**
     * What a stalled client makes the node hold is bounded in the kernel too: its connection's send
     * buffer ({@code eventgate.socket.send-buffer}, which Linux doubles) besides
     * {@code max-pending-bytes}. Left to the kernel, the send buffer of a connection whose client
     * stops reading grows to 4 MiB, and the socket would be closed only after about 5 MiB.
     */
    @Test
    void aStalledSocketHoldsNoMoreThanItsPendingBytesAndItsSendBuffer() throws Exception {
        double closedBefore = Metrics.value(CLOSED);
        long maxPending = config.socket().maxPendingBytes().asLongValue();
        long sendBuffer = config.socket().sendBuffer().asLongValue();
        String data = "x".repeat(10_000);
        long publishedBytes = 0;
        try (RawSocket paused = RawSocket.connect(base, "", Map.of(), 4096)) {
            for (int i = 0; i < 1_000 && Metrics.value(CLOSED) == closedBefore; i++) {
                Publish.accepted("{\"event\":\"big\",\"data\":{\"pad\":\"" + data + "\"}}");
                publishedBytes += data.length();
            }
            assertThat(Metrics.value(CLOSED)).as("slow sockets closed").isEqualTo(closedBefore + 1);
        }
        // The client's own receive buffer (4 KiB asked, a little more given) and the events published
        // while the last delivery was on its way take the rest of the margin.
        assertThat(publishedBytes).isLessThan(maxPending + 2 * sendBuffer + 512 * 1024);
    }
}
