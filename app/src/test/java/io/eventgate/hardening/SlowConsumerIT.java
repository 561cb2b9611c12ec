package io.eventgate.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.eventgate.support.Metrics;
import io.eventgate.testing.RawSocket;
import io.eventgate.testing.RawSocket.Frame;
import io.eventgate.testing.ServiceProcess;

/**
 * The drill of issue 10 on the packaged service with a 256 MB heap: 20 sockets that stop reading
 * after the handshake, 5 that read, and 2,000 broadcasts of 100 KB. The readers get every event
 * quickly, the paused sockets are closed with 1008, memory stays bounded, the node stays ready.
 */
class SlowConsumerIT {

    private static final Logger LOG = Logger.getLogger(SlowConsumerIT.class);
    private static final Path JAR = ServiceProcess.packaged();
    private static final int PAUSED = 20;
    private static final int READERS = 5;
    private static final int EVENTS = 2_000;
    private static final int HEAP_MIB = 256;
    private static final int OFF_HEAP_MIB = 200;
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    @Test
    void pausedSocketsAreClosedAndTheOthersGetEveryEventInTime() throws Exception {
        try (ServiceProcess node = ServiceProcess.start(JAR, "slow-consumers", Map.of(), Path.of("target/hardening"),
                List.of("-Xmx" + HEAP_MIB + "m"))) {
            List<RawSocket> paused = new ArrayList<>();
            List<RawSocket> readers = new ArrayList<>();
            ExecutorService threads = Executors.newCachedThreadPool();
            try {
                for (int i = 0; i < PAUSED; i++) {
                    paused.add(RawSocket.connect(node.base(), "", Map.of(), 4096));
                }
                long[] sentAt = new long[EVENTS];
                List<Future<long[]>> received = new ArrayList<>();
                for (int i = 0; i < READERS; i++) {
                    RawSocket reader = RawSocket.connect(node.base(), "");
                    readers.add(reader);
                    received.add(threads.submit(() -> readAll(reader)));
                }
                String pad = "x".repeat(100_000);
                HttpClient http = HttpClient.newHttpClient();
                long started = System.nanoTime();
                for (int seq = 0; seq < EVENTS; seq++) {
                    sentAt[seq] = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(node.base().resolve("/events"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"big\",\"data\":{\"seq\":" + seq
                                    + ",\"pad\":\"" + pad + "\"}}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                }
                double seconds = (System.nanoTime() - started) / 1e9;

                List<Long> latencies = new ArrayList<>();
                for (Future<long[]> reader : received) {
                    long[] at = reader.get();
                    for (int seq = 0; seq < EVENTS; seq++) {
                        assertThat(at[seq]).as("event %d reached a reading socket", seq).isPositive();
                        latencies.add(at[seq] - sentAt[seq]);
                    }
                }
                latencies.sort(null);
                double p99 = latencies.get((int) (latencies.size() * 0.99)) / 1e6;
                double p50 = latencies.get(latencies.size() / 2) / 1e6;
                ServiceProcess.Resident memory = node.resident();
                String metrics = get(node.base().resolve("/q/metrics"));
                LOG.infof("%d broadcasts of 100 KB in %.1f s to %d readers and %d paused sockets: p50 %.1f ms, p99 %.1f ms;"
                        + " RSS %d MiB (peak %d MiB)", EVENTS, seconds, READERS, PAUSED, p50, p99,
                        memory.nowKiB() / 1024, memory.peakKiB() / 1024);

                assertThat(p99).as("p99 ms").isLessThan(500);
                // Unbounded, the paused sockets alone would hold EVENTS x 100 KB each, gigabytes. Bounded,
                // the node holds its heap, their 1 MB of pending frames each and what a JVM needs besides
                // its heap (metaspace, code, threads, Netty's pooled buffers, malloc arenas), which
                // varies by a few tens of MiB from one machine to another.
                assertThat(memory.peakKiB()).as("peak RSS KiB").isLessThan((HEAP_MIB + PAUSED + OFF_HEAP_MIB) * 1024L);
                assertThat(Metrics.valueIn(metrics, "eventgate_sockets_closed_total{reason=\"slow-consumer\"}")).isEqualTo(PAUSED);
                for (RawSocket socket : paused) {
                    Frame close = socket.readUntilClose(Duration.ofSeconds(10));
                    assertThat(close.closeCode()).isEqualTo(1008);
                    assertThat(close.closeReason()).startsWith("slow consumer");
                }
                assertThat(get(node.base().resolve("/q/health/ready"))).contains("\"status\": \"UP\"");
            } finally {
                threads.shutdownNow();
                for (RawSocket socket : readers) {
                    socket.close();
                }
                for (RawSocket socket : paused) {
                    socket.close();
                }
            }
            assertThat(node.log()).doesNotContain(" ERROR ");
        }
    }

    /** When each event's frame arrived, by its sequence number. */
    private static long[] readAll(RawSocket reader) throws IOException {
        long[] at = new long[EVENTS];
        int seen = 0;
        while (seen < EVENTS) {
            Frame frame = reader.read(Duration.ofSeconds(30));
            long now = System.nanoTime();
            // The sequence number is near the start; no need to parse 100 KB of JSON.
            String head = new String(frame.payload(), 0, Math.min(200, frame.payload().length), StandardCharsets.UTF_8);
            Matcher seq = SEQ.matcher(head);
            if (head.contains("\"type\":\"event\"") && seq.find()) {
                int index = Integer.parseInt(seq.group(1));
                if (at[index] == 0) {
                    at[index] = now;
                    seen++;
                }
            }
        }
        return at;
    }

    private static String get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
