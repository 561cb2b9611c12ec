package io.eventgate.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.eventgate.support.TestSocket;
import io.eventgate.testing.RedisProcess;
import io.eventgate.testing.ServiceProcess;

/**
 * Three replicas of the packaged service, one real Redis: they act as one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Path JAR = ServiceProcess.packaged();
    private static final RedisProcess REDIS = RedisProcess.of(ClusterIT.class);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ServiceProcess> NODES = new ArrayList<>();
    /** The most events the resume test publishes while a replica stops. */
    private static final int PUBLISHED_AT_MOST = 2000;

    @BeforeAll
    static void startThreeReplicas() throws Exception {
        for (int i = 0; i < 3; i++) {
            // More history per room than any test here publishes: what is asserted is that nothing is lost
            // across replicas, not retention, which a slow machine could otherwise exceed while a node stops.
            NODES.add(ServiceProcess.start(JAR, "node-" + i, Map.of("EVENTGATE_FANOUT", "redis", "QUARKUS_REDIS_HOSTS",
                    REDIS.url(), "EVENTGATE_HISTORY_MAX_EVENTS", String.valueOf(PUBLISHED_AT_MOST * 2)),
                    Path.of("target/cluster")));
        }
    }

    @AfterAll
    static void stopReplicas() throws Exception {
        for (ServiceProcess node : NODES) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void everyTargetedSocketGetsEveryEventOnceInOrderWhicheverNodeTookIt() throws Exception {
        List<TestSocket> members = new ArrayList<>();
        List<TestSocket> outsiders = new ArrayList<>();
        try {
            for (ServiceProcess node : NODES) {
                members.add(TestSocket.connect(node.base(), "rooms=cluster"));
                members.add(TestSocket.connect(node.base(), "rooms=cluster"));
                outsiders.add(TestSocket.connect(node.base(), "rooms=elsewhere"));
                outsiders.add(TestSocket.connect(node.base()));
            }
            List<String> ids = new ArrayList<>();
            for (int seq = 0; seq < 60; seq++) {
                ids.add(publish(NODES.get(seq % 3), "{\"event\":\"cluster.seq\",\"room\":\"cluster\",\"data\":{\"seq\":"
                        + seq + "}}"));
            }
            String marker = publish(NODES.get(1), "{\"event\":\"cluster.marker\"}");

            for (TestSocket socket : members) {
                for (int seq = 0; seq < 60; seq++) {
                    JsonNode event = socket.next("event");
                    assertThat(event.path("data").path("seq").asInt()).as("seq on %s", socket.connectionId())
                            .isEqualTo(seq);
                    assertThat(event.path("id").asText()).isEqualTo(ids.get(seq));
                }
                assertThat(socket.next("event").path("id").asText()).as("nothing twice").isEqualTo(marker);
            }
            for (TestSocket socket : outsiders) {
                assertThat(socket.next("event").path("id").asText()).as("no room event outside the room")
                        .isEqualTo(marker);
            }
        } finally {
            members.forEach(TestSocket::close);
            outsiders.forEach(TestSocket::close);
        }
    }

    @Test
    @Order(2)
    void aPublishRepeatedUnderItsIdempotencyKeyOnAnotherReplicaIsAnsweredAsTheFirstAndDeliveredOnce()
            throws Exception {
        try (TestSocket socket = TestSocket.connect(NODES.get(2).base(), "rooms=once")) {
            String body = "{\"event\":\"order.paid\",\"room\":\"once\",\"data\":{\"orderId\":\"o-7\"}}";
            HttpResponse<String> first = publishWithKey(NODES.get(0), body, "pay-o-7");
            HttpResponse<String> repeat = publishWithKey(NODES.get(1), body, "pay-o-7");
            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(repeat.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(repeat.body())).isEqualTo(JSON.readTree(first.body()));
            assertThat(publishWithKey(NODES.get(2), body.replace("o-7", "o-8"), "pay-o-7").statusCode()).isEqualTo(422);

            String marker = publish(NODES.get(1), "{\"event\":\"once.marker\"}");
            assertThat(socket.next("event").path("id").asText()).isEqualTo(JSON.readTree(first.body()).path("id").asText());
            assertThat(socket.next("event").path("id").asText()).as("delivered once").isEqualTo(marker);
        }
    }

    @Test
    @Order(3)
    void keepsDeliveringLocallyWhileRedisIsAwayAndRejoinsByItself() throws Exception {
        ServiceProcess first = NODES.get(0);
        ServiceProcess second = NODES.get(1);
        try (TestSocket onFirst = TestSocket.connect(first.base(), "rooms=solo");
                TestSocket onSecond = TestSocket.connect(second.base(), "rooms=solo")) {
            REDIS.stop();
            await().atMost(Duration.ofSeconds(20)).until(() -> first.readiness().contains("degraded"));
            assertThat(first.readiness()).contains("\"status\": \"UP\"");

            String local = publish(first, "{\"event\":\"solo.local\",\"room\":\"solo\"}");
            assertThat(onFirst.next("event").path("id").asText()).isEqualTo(local);

            REDIS.startAgain();
            for (ServiceProcess node : NODES) {
                await().atMost(Duration.ofSeconds(30)).until(() -> node.readiness().contains("\"backplane\": \"connected\""));
            }
            String shared = publish(first, "{\"event\":\"solo.shared\",\"room\":\"solo\"}");
            String marker = publish(second, "{\"event\":\"solo.marker\"}");
            assertThat(onSecond.next("event").path("id").asText()).as("the event of the outage stayed on its node")
                    .isEqualTo(shared);
            assertThat(onSecond.next("event").path("id").asText()).isEqualTo(marker);
            assertThat(onFirst.next("event").path("id").asText()).isEqualTo(shared);
            assertThat(onFirst.next("event").path("id").asText()).isEqualTo(marker);
        }
    }

    @Test
    @Order(4)
    void aSocketOfAStoppingReplicaResumesOnAnotherAndGetsEveryEventOnceInOrderWhilePublishersGoOn()
            throws Exception {
        ServiceProcess leaving = NODES.get(0);
        List<ServiceProcess> staying = List.of(NODES.get(1), NODES.get(2));
        Set<String> published = ConcurrentHashMap.newKeySet();
        AtomicInteger count = new AtomicInteger();
        AtomicBoolean publishing = new AtomicBoolean(true);
        // In the room before the first publish: every event published is this socket's to receive.
        TestSocket onLeaving = TestSocket.connect(leaving.base(), "rooms=moving");
        ExecutorService publishers = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (ServiceProcess node : staying) {
            running.add(publishers.submit(() -> {
                while (publishing.get() && count.get() < PUBLISHED_AT_MOST) {
                    published.add(publish(node, "{\"event\":\"moving\",\"room\":\"moving\",\"data\":"
                            + count.incrementAndGet() + "}"));
                    TimeUnit.MILLISECONDS.sleep(2);
                }
                return null;
            }));
        }
        List<String> received = new ArrayList<>();
        List<String> offsets = new ArrayList<>();
        try {
            String last;
            try (onLeaving) {
                while (count.get() < 100) {
                    TimeUnit.MILLISECONDS.sleep(5);
                }
                leaving.terminate();
                for (JsonNode frame = onLeaving.nextOrClose(); frame != null; frame = onLeaving.nextOrClose()) {
                    if (frame.path("type").asText().equals("event")) {
                        take(frame, received, offsets);
                    }
                }
                assertThat(onLeaving.closedWith()).isEqualTo(1001);
                assertThat(received).as("events before the stop").isNotEmpty();
                last = offsets.get(offsets.size() - 1);
            }
            // As a client does: on 1001 it reconnects at once, to a replica that stays, while this one exits.
            try (TestSocket resumed = TestSocket.connect(staying.get(0).base(), "rooms=moving&since=" + last)) {
                boolean recovered = resumed.welcome().path("recovered").asBoolean(false);
                assertThat(recovered).as("recovered after %s, %d published so far; the replica said: %s", last,
                        count.get(), recovered ? "" : staying.get(0).log().lines()
                                .filter(line -> line.contains("RedisHistory")).toList()).isTrue();
                TimeUnit.MILLISECONDS.sleep(500);
                publishing.set(false);
                for (Future<?> publisher : running) {
                    publisher.get(60, TimeUnit.SECONDS);
                }
                String end = publish(staying.get(1), "{\"event\":\"moving.end\",\"room\":\"moving\"}");
                for (JsonNode event = resumed.next("event"); !event.path("id").asText().equals(end);
                        event = resumed.next("event")) {
                    take(event, received, offsets);
                }
            }
        } finally {
            publishing.set(false);
            publishers.shutdownNow();
        }
        assertThat(leaving.awaitExit()).isEqualTo(143);
        assertThat(received).as("each once").doesNotHaveDuplicates();
        assertThat(Set.copyOf(received)).as("none missing, of %d", published.size()).isEqualTo(published);
        List<Long> sequence = sequence(offsets);
        assertThat(sequence).as("in offset order").isSorted();
    }

    private static void take(JsonNode event, List<String> ids, List<String> offsets) {
        ids.add(event.path("id").asText());
        offsets.add(event.path("offset").asText());
    }

    /** The sequence numbers of offsets of one history ({@code <epoch>-<seq>}), to check their order. */
    private static List<Long> sequence(List<String> offsets) {
        assertThat(offsets.stream().map(offset -> offset.substring(0, offset.lastIndexOf('-'))).distinct())
                .as("one history").hasSize(1);
        return offsets.stream().map(offset -> Long.parseLong(offset.substring(offset.lastIndexOf('-') + 1))).toList();
    }

    @Test
    @Order(5)
    void aStoppingNodeClosesItsSocketsWithGoingAwayWhileTheOthersServe() throws Exception {
        ServiceProcess leaving = NODES.get(2);
        try (TestSocket onLeaving = TestSocket.connect(leaving.base(), "rooms=drain");
                TestSocket onStaying = TestSocket.connect(NODES.get(1).base(), "rooms=drain")) {
            // 143: the JVM's exit status after SIGTERM, once its shutdown work is done.
            assertThat(leaving.stop()).isEqualTo(143);
            assertThat(onLeaving.closedWith()).isEqualTo(1001);
            assertThat(leaving.log()).contains("Closing 1 sockets with 1001").doesNotContain("Timed out");
            String id = publish(NODES.get(1), "{\"event\":\"after.drain\",\"room\":\"drain\"}");
            assertThat(onStaying.next("event").path("id").asText()).isEqualTo(id);
        }
    }

    private static HttpResponse<String> publishWithKey(ServiceProcess node, String body, String key)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + "events"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String publish(ServiceProcess node, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + "events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s answered %s", node, response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).path("id").asText();
    }
}
