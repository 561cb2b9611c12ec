package io.eventgate.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;

import io.eventgate.testing.ServiceProcess;
import io.vertx.core.Vertx;

/**
 * A resume storm: every socket drops at once, stays away while events keep flowing at a steady
 * rate, and comes back at once with {@code since}, as after a network blip or a load balancer's
 * restart. Reports how long until every socket is live again (it got what it missed, then an event
 * published after the storm began), the service CPU the storm cost above the steady flow, and exact
 * delivery counts across the gap.
 */
final class ResumeStorm {

    private static final Duration WARMUP = Duration.ofSeconds(20);
    private static final Duration STEADY = Duration.ofSeconds(10);
    /** Publishes in flight at most, as a publisher's connection pool bounds them; past it the rate slips. */
    private static final int IN_FLIGHT = 64;
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Duration LIVE_LIMIT = Duration.ofSeconds(120);

    private final Settings settings;
    private final List<ServiceProcess> replicas;
    private final Vertx vertx;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ResumeStorm(Settings settings, List<ServiceProcess> replicas, Vertx vertx) {
        this.settings = settings;
        this.replicas = replicas;
        this.vertx = vertx;
    }

    int run() throws Exception {
        var sockets = Subscriber.client(vertx);
        AtomicLong delivered = new AtomicLong();
        List<Subscriber> subscribers = LoadBench.connectAll(settings, settings.sockets(), replicas, vertx, sockets,
                Map.of(), new Recorder(3), delivered);
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        publisher.scheduleAtFixedRate(this::publishOne, 0, 1_000_000 / settings.rate(), TimeUnit.MICROSECONDS);
        try {
            TimeUnit.MILLISECONDS.sleep(WARMUP.toMillis());
            double steadyStart = cpu();
            int steadyFrom = next.get();
            TimeUnit.MILLISECONDS.sleep(STEADY.toMillis());
            double steadyCpu = cpu() - steadyStart;
            // Per event published: the publisher shares the client's cores and may fall behind in the storm.
            double steadyPerEvent = steadyCpu / (next.get() - steadyFrom);

            subscribers.forEach(Subscriber::close);
            TimeUnit.SECONDS.sleep(settings.away());

            int liveFrom = next.get();
            double stormStart = cpu();
            long start = System.nanoTime();
            long[] liveAfter = new long[subscribers.size()];
            List<CompletableFuture<Void>> live = new ArrayList<>();
            for (int i = 0; i < subscribers.size(); i++) {
                int index = i;
                Subscriber subscriber = subscribers.get(i);
                subscriber.resume(vertx, sockets, replicas.get(i % replicas.size()).base(), "", liveFrom);
                live.add(subscriber.live().thenRun(() -> liveAfter[index] = System.nanoTime() - start));
            }
            CompletableFuture.allOf(live.toArray(CompletableFuture[]::new)).get(LIVE_LIMIT.toSeconds(), TimeUnit.SECONDS);
            long allLive = System.nanoTime() - start;
            TimeUnit.NANOSECONDS.sleep(Math.max(0, WINDOW.toNanos() - allLive));
            double extraCpu = cpu() - stormStart - steadyPerEvent * (next.get() - liveFrom);

            publisher.shutdown();
            publisher.awaitTermination(10, TimeUnit.SECONDS);
            int published = next.get();
            long expected = 0;
            for (int seq = 0; seq < published; seq++) {
                expected += settings.sockets() / settings.rooms();
            }
            LoadBench.awaitDeliveries(delivered, expected);
            long missing = 0;
            for (Subscriber subscriber : subscribers) {
                for (int seq = 0; seq < published; seq++) {
                    if (subscriber.room().equals(room(seq)) && !subscriber.received(seq)) {
                        missing++;
                    }
                }
            }
            long duplicates = subscribers.stream().mapToLong(Subscriber::duplicates).sum();
            long notRecovered = subscribers.stream().filter(subscriber -> !subscriber.recovered()).count();
            Arrays.sort(liveAfter);

            System.out.printf(Locale.ROOT, "%n## %s, resume storm: %d events/s, %d s away%n%n", settings.describe(),
                    settings.rate(), settings.away());
            System.out.printf(Locale.ROOT, "| metric | value |%n|---|---|%n");
            LoadBench.row("sockets resumed / said recovered: false", subscribers.size() + " / " + notRecovered);
            LoadBench.row("time until every socket is live again (p50 / p99 / all)", String.format(Locale.ROOT,
                    "%.0f / %.0f / %.0f ms", liveAfter[liveAfter.length / 2] / 1e6,
                    liveAfter[(int) (liveAfter.length * 0.99)] / 1e6, allLive / 1e6));
            LoadBench.row("service CPU at the steady rate", String.format(Locale.ROOT, "%.2f cores (%.0f µs per event)",
                    steadyCpu / STEADY.toSeconds(), steadyPerEvent * 1e6));
            LoadBench.row("service CPU of the storm's first " + WINDOW.toSeconds()
                    + " s above the steady flow's for as many events (per socket)", String.format(Locale.ROOT,
                    "%.2f s (%.0f µs)", extraCpu, extraCpu * 1e6 / subscribers.size()));
            LoadBench.row("events published / refused", published + " / " + refused.get());
            LoadBench.row("missing / duplicated, across the gap", missing + " / " + duplicates);
            return missing + duplicates == 0 ? 0 : 1;
        } finally {
            publisher.shutdownNow();
        }
    }

    private void publishOne() {
        if (!inFlight.tryAcquire()) {
            return;
        }
        int seq = next.getAndIncrement();
        URI events = replicas.get(seq % replicas.size()).base().resolve("/events");
        String body = "{\"event\":\"bench.event\",\"room\":\"" + room(seq) + "\",\"data\":{\"seq\":" + seq
                + ",\"sentAt\":" + System.nanoTime() + "}}";
        http.sendAsync(HttpRequest.newBuilder(events).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    inFlight.release();
                    if (failure != null || response.statusCode() != 202) {
                        refused.incrementAndGet();
                    }
                });
    }

    private double cpu() {
        return replicas.stream().mapToDouble(replica -> ProcStats.cpuSeconds(replica.pid())).sum();
    }

    private String room(int seq) {
        return "room-" + (seq % settings.rooms());
    }
}
