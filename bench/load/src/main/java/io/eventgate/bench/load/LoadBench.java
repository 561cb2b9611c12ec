package io.eventgate.bench.load;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.eventgate.testing.MongoEndpoint;
import io.eventgate.testing.RedisProcess;
import io.eventgate.testing.ServiceProcess;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetClient;

/**
 * Starts the packaged service (one replica, or several on one Redis), connects real WebSocket
 * clients spread over rooms, publishes over keep-alive HTTP with concurrent publishers, and
 * reports what one would ask of it: throughput, end-to-end latency, exact delivery counts, the
 * service's CPU per delivered frame and memory per socket, and the client's own CPU. Loopback
 * only; bounded in time. Settings are system properties (see {@link Settings}).
 */
@QuarkusMain
public class LoadBench implements QuarkusApplication {

    private static final PrintStream OUT = System.out;
    private static final Duration QUIET_LIMIT = Duration.ofSeconds(30);
    private static final int WARM_HANDSHAKES = 1000;

    @Override
    public int run(String... args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Path logs = Files.createTempDirectory("eventgate-bench");
        RedisProcess redis = settings.redis() || settings.stores() ? RedisProcess.of(LoadBench.class) : null;
        String mongo = settings.stores() ? MongoEndpoint.start().url() : null;
        List<ServiceProcess> replicas = new ArrayList<>();
        List<Subscriber> subscribers = new ArrayList<>();
        List<FrameCounter> counters = new ArrayList<>();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try {
            for (int i = 0; i < settings.nodes(); i++) {
                Map<String, String> env = new HashMap<>(settings.serviceEnv());
                env.put("EVENTGATE_SHUTDOWN_DELAY", "0s");
                if (settings.redis()) {
                    env.put("EVENTGATE_FANOUT", "redis");
                }
                if (redis != null) {
                    env.put("QUARKUS_REDIS_HOSTS", redis.url());
                }
                if (mongo != null) {
                    env.put("QUARKUS_PROFILE", "stores");
                    env.put("QUARKUS_MONGODB_CONNECTION_STRING", mongo);
                }
                if (settings.auth()) {
                    env.putAll(BenchKeys.write(logs));
                }
                replicas.add(ServiceProcess.start(settings.jar(), "replica-" + i, env, logs, settings.serviceOptions()));
            }
            return settings.storm() ? new ResumeStorm(settings, replicas, vertx).run()
                    : measure(settings, replicas, subscribers, counters, vertx, logs);
        } finally {
            subscribers.forEach(Subscriber::close);
            counters.forEach(FrameCounter::close);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            for (ServiceProcess replica : replicas) {
                replica.close();
            }
            if (redis != null) {
                redis.stop();
            }
        }
    }

    private int measure(Settings settings, List<ServiceProcess> replicas, List<Subscriber> subscribers,
            List<FrameCounter> counters, Vertx vertx, Path logs)
            throws Exception {
        Recorder latency = new Recorder(3);
        AtomicLong delivered = new AtomicLong();
        Map<String, String> tokens = settings.auth() ? mintTokens(settings, replicas.get(0).base()) : Map.of();
        var sockets = Subscriber.client(vertx);
        // Sockets opened and closed before the first reading: what the first handshakes cost once (the
        // JIT's code for their path, buffer arenas) is then not counted per socket.
        if (settings.warmSockets() > 0) {
            connectAll(settings, settings.warmSockets(), replicas, vertx, sockets, tokens, new Recorder(3),
                    new AtomicLong()).forEach(Subscriber::close);
            awaitNoSocket(replicas);
        }
        long heapBefore = collectGarbage(replicas);
        long rssBefore = rssKib(replicas);

        double connectCpuBefore = replicas.stream().mapToDouble(replica -> ProcStats.cpuSeconds(replica.pid())).sum();
        long connectStart = System.nanoTime();
        if (settings.countFrames()) {
            NetClient raw = vertx.createNetClient();
            counters.addAll(connectAll(settings, settings.sockets(), replicas, tokens, room -> new FrameCounter(room, delivered),
                    (counter, node, token) -> counter.connect(vertx, raw, node, token)));
        } else {
            subscribers.addAll(connectAll(settings, settings.sockets(), replicas, vertx, sockets, tokens, latency, delivered));
        }
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        double connectCpu = replicas.stream().mapToDouble(replica -> ProcStats.cpuSeconds(replica.pid())).sum()
                - connectCpuBefore;
        long heapAfter = collectGarbage(replicas);
        long rssAfter = rssKib(replicas);

        Map<String, Integer> membersOf = new HashMap<>();
        for (int i = 0; i < settings.sockets(); i++) {
            membersOf.merge(roomOfSocket(settings, i), 1, Integer::sum);
        }
        long expected = expected(settings, membersOf, 0, settings.events());

        // Warm-up: the same traffic, numbered after the measured events, until the JIT has done its work.
        long warmupExpected = expected(settings, membersOf, settings.events(), settings.events() + settings.warmup());
        publish(settings, replicas, settings.events(), settings.events() + settings.warmup());
        awaitDeliveries(delivered, warmupExpected);
        delivered.set(0);

        double serverCpuBefore = replicas.stream().mapToDouble(replica -> ProcStats.cpuSeconds(replica.pid())).sum();
        double serverSystemBefore = replicas.stream().mapToDouble(replica -> ProcStats.systemSeconds(replica.pid())).sum();
        double clientCpuBefore = ProcStats.cpuSeconds(ProcessHandle.current().pid());
        latency.reset();
        long publishStart = System.nanoTime();
        long refused = publish(settings, replicas, 0, settings.events());
        long publishEnd = System.nanoTime();
        awaitDeliveries(delivered, expected);
        long deliveredEnd = System.nanoTime();
        double serverCpu = replicas.stream().mapToDouble(replica -> ProcStats.cpuSeconds(replica.pid())).sum()
                - serverCpuBefore;
        double clientCpu = ProcStats.cpuSeconds(ProcessHandle.current().pid()) - clientCpuBefore;
        double serverSystem = replicas.stream().mapToDouble(replica -> ProcStats.systemSeconds(replica.pid())).sum()
                - serverSystemBefore;

        // Handshakes again, now that the JIT has seen them: a second set of sockets, connected and closed.
        double warmHandshakeCpu = warmHandshakes(settings, replicas, vertx, sockets, tokens);

        long missing = 0;
        for (Subscriber subscriber : subscribers) {
            for (int seq = 0; seq < settings.events(); seq++) {
                if ((settings.broadcast() || subscriber.room().equals(room(settings, seq))) && !subscriber.received(seq)) {
                    missing++;
                }
            }
        }
        long duplicates = subscribers.stream().mapToLong(Subscriber::duplicates).sum();
        long misrouted = subscribers.stream().mapToLong(Subscriber::misrouted).sum();
        if (settings.countFrames()) {
            // Frames only counted: fewer than expected are that many missing, more are that many extra.
            missing = Math.max(0, expected - delivered.get());
            duplicates = Math.max(0, delivered.get() - expected);
        }
        Histogram histogram = latency.getIntervalHistogram();
        double deliverySeconds = (deliveredEnd - publishStart) / 1e9;

        OUT.printf(Locale.ROOT, "%n## %s%n%n", settings.describe());
        OUT.printf(Locale.ROOT, "| metric | value |%n|---|---|%n");
        row("connect " + settings.sockets() + " sockets", String.format(Locale.ROOT, "%.2f s", connectSeconds));
        row("service CPU per handshake (first connect, cold JIT / again after the run)",
                String.format(Locale.ROOT, "%.1f / %.1f µs", connectCpu * 1e6 / settings.sockets(), warmHandshakeCpu));
        row("events accepted/s (" + settings.publishers() + " publishers)",
                String.format(Locale.ROOT, "%.0f", (settings.events() - refused) / ((publishEnd - publishStart) / 1e9)));
        row("publishes refused", Long.toString(refused));
        row("frames delivered/s", String.format(Locale.ROOT, "%.0f", delivered.get() / deliverySeconds));
        row("frames delivered / expected", delivered.get() + " / " + expected);
        row("missing / duplicated / misrouted" + (settings.countFrames() ? " (frames counted, not checked)" : ""),
                missing + " / " + duplicates + " / " + misrouted);
        row("latency p50 / p95 / p99 / max", settings.countFrames() ? "n/a (frames counted, not read)"
                : String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.2f ms",
                histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(95) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6, histogram.getMaxValue() / 1e6));
        row("service CPU per delivered frame", String.format(Locale.ROOT, "%.2f µs", delivered.get() == 0 ? 0 : serverCpu * 1e6 / delivered.get()));
        row("service CPU, total (of which in the kernel)",
                String.format(Locale.ROOT, "%.2f s (%.2f s)", serverCpu, serverSystem));
        row("client CPU, total (a saturated client shows here)", String.format(Locale.ROOT, "%.2f s", clientCpu));
        row("service RSS growth per socket (full GC before both readings"
                + (settings.warmSockets() > 0 ? ", " + settings.warmSockets() + " sockets opened and closed before" : "")
                + ")",
                String.format(Locale.ROOT, "%.1f KiB", (rssAfter - rssBefore) / (double) settings.sockets()));
        row("service heap growth per socket (same readings, from its heap pools' metrics)",
                String.format(Locale.ROOT, "%.1f KiB", (heapAfter - heapBefore) / (double) settings.sockets()));
        row("service logs", logs.toString());
        return missing + duplicates + misrouted == 0 ? 0 : 1;
    }

    /**
     * A full collection in each replica (none in a native executable that answers no jcmd), then a
     * moment to settle; the heap they use after it, in KiB.
     */
    private static long collectGarbage(List<ServiceProcess> replicas) throws Exception {
        for (ServiceProcess replica : replicas) {
            try {
                ProcStats.collectGarbage(replica.pid(), replica.isNative());
            } catch (IllegalStateException e) {
                if (!replica.isNative()) {
                    throw e;
                }
                // An executable built before it answered jcmd: read as it is, and said so.
                System.err.println("no full GC in " + replica.base() + " (a native executable without jcmd): " + e.getMessage());
            }
        }
        TimeUnit.SECONDS.sleep(2);
        HttpClient http = HttpClient.newHttpClient();
        long heapKib = 0;
        for (ServiceProcess replica : replicas) {
            heapKib += Math.round(metricSum(http, replica.base(), "jvm_memory_used_bytes{area=\"heap\"") / 1024);
        }
        return heapKib;
    }

    /** Until no replica has an open socket (its {@code eventgate_sockets_open} gauge), at most a minute. */
    private static void awaitNoSocket(List<ServiceProcess> replicas) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        for (ServiceProcess replica : replicas) {
            while (openSockets(http, replica.base()) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(replica.base() + " still has open sockets a minute after they closed");
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    private static double openSockets(HttpClient http, URI node) throws Exception {
        return metricSum(http, node, "eventgate_sockets_open");
    }

    /** The sum of the samples of {@code node}'s metrics whose line starts with {@code prefix} (the heap's pools, say). */
    private static double metricSum(HttpClient http, URI node, String prefix) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(node.resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> samples = metrics.lines().filter(line -> line.startsWith(prefix)).toList();
        if (samples.isEmpty()) {
            throw new IllegalStateException("no " + prefix + " at " + node);
        }
        return samples.stream().mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static long rssKib(List<ServiceProcess> replicas) {
        return replicas.stream().mapToLong(replica -> ProcStats.rssKib(replica.pid())).sum();
    }

    private static long expected(Settings settings, Map<String, Integer> membersOf, int from, int to) {
        long expected = 0;
        for (int seq = from; seq < to; seq++) {
            expected += settings.broadcast() ? settings.sockets() : membersOf.getOrDefault(room(settings, seq), 0);
        }
        return expected;
    }

    /** Until every expected frame arrived, or nothing arrived for a while. */
    static void awaitDeliveries(AtomicLong delivered, long expected) throws InterruptedException {
        long last = -1;
        long lastProgress = System.nanoTime();
        while (delivered.get() < expected && System.nanoTime() - lastProgress < QUIET_LIMIT.toNanos()) {
            if (delivered.get() != last) {
                last = delivered.get();
                lastProgress = System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    /** Events {@code from} to {@code to}: each publisher sends its share one after another, on a keep-alive connection. */
    private static long publish(Settings settings, List<ServiceProcess> replicas, int from, int to)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger(from);
        AtomicLong refused = new AtomicLong();
        ExecutorService publishers = Executors.newFixedThreadPool(settings.publishers());
        for (int p = 0; p < settings.publishers(); p++) {
            publishers.execute(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int seq = next.getAndIncrement(); seq < to; seq = next.getAndIncrement()) {
                    URI events = replicas.get(seq % replicas.size()).base().resolve("/events");
                    String roomField = settings.broadcast() ? "" : "\"room\":\"" + room(settings, seq) + "\",";
                    String body = "{\"event\":\"bench.event\"," + roomField + "\"data\":{\"seq\":" + seq + ",\"sentAt\":"
                            + System.nanoTime() + "}}";
                    try {
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(events)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 202) {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
            });
        }
        publishers.shutdown();
        if (!publishers.awaitTermination(10, TimeUnit.MINUTES)) {
            publishers.shutdownNow();
        }
        return refused.get();
    }

    /** Connects {@code count} checking sockets spread over the rooms and replicas, 200 handshakes at a time. */
    static List<Subscriber> connectAll(Settings settings, int count, List<ServiceProcess> replicas, Vertx vertx,
            io.vertx.core.http.HttpClient sockets, Map<String, String> tokens, Recorder latency, AtomicLong delivered)
            throws Exception {
        return connectAll(settings, count, replicas, tokens, room -> new Subscriber(room, latency, delivered),
                (subscriber, node, token) -> subscriber.connect(vertx, sockets, node, token));
    }

    /** How one kind of benchmark socket connects to a node, with a token (empty without subscriber auth). */
    @FunctionalInterface
    interface Connector<S> {
        CompletableFuture<Void> connect(S socket, URI node, String token);
    }

    /** Connects {@code count} sockets made by {@code socketIn} for their room, spread over the rooms and replicas, 200 handshakes at a time. */
    static <S> List<S> connectAll(Settings settings, int count, List<ServiceProcess> replicas, Map<String, String> tokens,
            Function<String, S> socketIn, Connector<S> connector) throws Exception {
        List<S> connected = new ArrayList<>();
        List<CompletableFuture<Void>> connecting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String room = roomOfSocket(settings, i);
            S socket = socketIn.apply(room);
            connected.add(socket);
            connecting.add(connector.connect(socket, replicas.get(i % replicas.size()).base(), tokens.getOrDefault(room, "")));
            if (connecting.size() == 200) {
                CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                connecting.clear();
            }
        }
        CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return connected;
    }

    private static String roomOfSocket(Settings settings, int socket) {
        return "room-" + (socket % settings.rooms());
    }

    /**
     * Connects and closes another set of sockets, at most {@link #WARM_HANDSHAKES} (the run's sockets
     * are still open, so a set as large would need twice the file descriptors); the service CPU per
     * handshake, in µs.
     */
    private static double warmHandshakes(Settings settings, List<ServiceProcess> replicas, Vertx vertx,
            io.vertx.core.http.HttpClient sockets, Map<String, String> tokens) throws Exception {
        int count = Math.min(settings.sockets(), WARM_HANDSHAKES);
        double before = replicas.stream().mapToDouble(replica -> ProcStats.cpuSeconds(replica.pid())).sum();
        List<Subscriber> extra = connectAll(settings, count, replicas, vertx, sockets, tokens, new Recorder(3),
                new AtomicLong());
        double cpu = replicas.stream().mapToDouble(replica -> ProcStats.cpuSeconds(replica.pid())).sum() - before;
        extra.forEach(Subscriber::close);
        return count == 0 ? 0 : cpu * 1e6 / count;
    }

    /** One token per room from {@code POST /tokens}, as a backend would mint them for its users. */
    private static Map<String, String> mintTokens(Settings settings, URI node) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> tokens = new HashMap<>();
        for (int r = 0; r < settings.rooms(); r++) {
            String room = "room-" + r;
            HttpResponse<String> minted = http.send(HttpRequest.newBuilder(node.resolve("/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"bench-" + r + "\",\"rooms\":[\"" + room
                            + "\"],\"ttl\":\"PT1H\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (minted.statusCode() != 201) {
                throw new IllegalStateException("POST /tokens answered " + minted.statusCode() + ": " + minted.body());
            }
            String body = minted.body();
            int start = body.indexOf("\"token\":\"") + "\"token\":\"".length();
            tokens.put(room, body.substring(start, body.indexOf('"', start)));
        }
        return tokens;
    }

    private static String room(Settings settings, int seq) {
        return "room-" + (seq % settings.rooms());
    }

    static void row(String metric, String value) {
        OUT.println("| " + metric + " | " + value + " |");
    }
}
