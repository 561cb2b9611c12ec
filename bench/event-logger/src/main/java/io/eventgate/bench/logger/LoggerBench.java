package io.eventgate.bench.logger;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.eventgate.logger.EventLogRecord;
import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.eventgate.logger.runtime.jboss.JBossLogStrategy;
import io.eventgate.logger.runtime.pipeline.QueuedStore;
import io.eventgate.logger.runtime.pipeline.QueuedStores;
import io.eventgate.logger.runtime.pipeline.StoreStats;
import io.eventgate.testing.MongoEndpoint;
import io.eventgate.testing.RedisProcess;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.common.annotation.Identifier;

/**
 * For each strategy: the cost of {@code log()} on the caller's thread, how many records per second
 * reach the store, from the first call until the last record is confirmed, and the CPU the whole
 * process spent per record meanwhile (caller, drain or writer threads, GC, JIT). Then
 * {@code redis-benchmark} appends the same entries with XADD over one connection, pipelined as deep
 * as our batches, for the ratio. Results go to standard error as a Markdown table (standard output
 * carries the records of the jboss and console strategies; send it to /dev/null).
 */
@QuarkusMain
public class LoggerBench implements QuarkusApplication {

    private static final PrintStream REPORT = System.err;
    private static final int BATCH = 500;

    @Inject
    @EventLoggerName("bench-jboss")
    EventLogger jboss;

    @Inject
    @EventLoggerName("bench-console")
    EventLogger console;

    @Inject
    @EventLoggerName("bench-mongo")
    EventLogger mongo;

    @Inject
    @EventLoggerName("bench-redis")
    EventLogger redis;

    @Inject
    QueuedStores queues;

    @Inject
    @Identifier(JBossLogStrategy.ID)
    JBossLogStrategy jbossLines;

    /** Starts a redis-server and a MongoDB wire-protocol server, then the application against them. */
    public static void main(String[] args) {
        RedisProcess redisServer = RedisProcess.of(LoggerBench.class);
        String mongoUrl = MongoEndpoint.start().url();
        System.setProperty("quarkus.redis.hosts", redisServer.url());
        System.setProperty("quarkus.mongodb.connection-string", mongoUrl);
        System.setProperty("bench.redis.port", Integer.toString(redisServer.port()));
        Quarkus.run(LoggerBench.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        int records = Integer.getInteger("bench.records", 100_000);
        List<EventLogRecord> batch = records(records);
        List<String> rows = new ArrayList<>();
        for (Scenario scenario : List.of(new Scenario("jboss", jboss, jbossLines::linesWritten, Optional.empty()),
                Scenario.queued("console", console, queues), Scenario.queued("mongo", mongo, queues),
                Scenario.queued("redis-stream", redis, queues))) {
            measure(scenario, records(Math.min(records, 20_000)));
            rows.add(measure(scenario, batch));
        }
        double xadd = redisBenchmarkXadd(records);
        REPORT.printf(Locale.ROOT, "%n| strategy | log() ns/call (caller) | records/s stored | CPU ns/record (process) |%n"
                + "|---|---|---|---|%n");
        rows.forEach(REPORT::println);
        REPORT.printf(Locale.ROOT, "%nredis-benchmark XADD, 1 connection, pipeline %d: %.0f requests/s%n", BATCH, xadd);
        REPORT.printf(Locale.ROOT, "records: %d, cores: %d%n", records, Runtime.getRuntime().availableProcessors());
        return 0;
    }

    private String measure(Scenario scenario, List<EventLogRecord> batch) throws InterruptedException {
        LongSupplier done = scenario.done();
        long before = done.getAsLong();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        for (EventLogRecord record : batch) {
            scenario.logger.log(record);
        }
        long called = System.nanoTime();
        long target = before + batch.size();
        while (done.getAsLong() < target) {
            TimeUnit.MILLISECONDS.sleep(1);
        }
        long stored = System.nanoTime();
        long cpu = processCpuNanos() - cpuBefore;
        scenario.queue().filter(stats -> stats.failedOver() + stats.dropped() > 0)
                .ifPresent(stats -> REPORT.printf("WARNING %s: %s%n", scenario.name, stats));
        double nsPerCall = (called - start) / (double) batch.size();
        double perSecond = batch.size() / ((stored - start) / 1e9);
        String row = String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |", scenario.name, nsPerCall, perSecond,
                cpu / (double) batch.size());
        REPORT.println(row);
        return row;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** XADD of the same fields our redis-stream strategy writes, over one pipelined connection. */
    private static double redisBenchmarkXadd(int records) throws IOException, InterruptedException {
        String data = "{\"n\":1,\"orderId\":\"cfa3f520-fa3f-4859-b5b0-a0b4e32e593f\",\"total\":12.5}";
        Process benchmark = new ProcessBuilder("redis-benchmark", "-p", System.getProperty("bench.redis.port"),
                "-c", "1", "-P", Integer.toString(BATCH), "-n", Integer.toString(records), "-q",
                "XADD", "bench:raw", "MAXLEN", "~", "1000000", "*", "timestamp", "2026-11-26T18:00:00.123Z",
                "level", "INFO", "logger", "bench-redis", "context", "order.created", "message",
                "orderId: cfa3f520-fa3f-4859-b5b0-a0b4e32e593f", "data", data, "attr.eventId",
                "9d283b4a-c87f-4337-ac2e-fe71ad0c6c42").redirectErrorStream(true).start();
        String output = new String(benchmark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        benchmark.waitFor();
        Matcher rate = Pattern.compile("([0-9.]+) requests per second").matcher(output);
        if (!rate.find()) {
            throw new IllegalStateException("redis-benchmark said: " + output);
        }
        return Double.parseDouble(rate.group(1));
    }

    private static List<EventLogRecord> records(int count) {
        List<EventLogRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(EventLogRecord.builder("order.created", "orderId: cfa3f520-fa3f-4859-b5b0-a0b4e32e593f")
                    .data(JsonNodeFactory.instance.objectNode().put("n", i)
                            .put("orderId", "cfa3f520-fa3f-4859-b5b0-a0b4e32e593f").put("total", 12.5))
                    .attribute("eventId", "9d283b4a-c87f-4337-ac2e-fe71ad0c6c42")
                    .build());
        }
        return records;
    }

    /**
     * A logger under test, what counts the records its store has finished with, and the counts of
     * its queue when it has one.
     */
    private record Scenario(String name, EventLogger logger, LongSupplier done, Optional<StoreStats> queue) {

        /** A logger whose strategy is queued: done when written, failed over or dropped. */
        static Scenario queued(String strategy, EventLogger logger, QueuedStores queues) {
            StoreStats stats = queues.stores().stream().filter(store -> store.strategyName().equals(strategy))
                    .map(QueuedStore::stats).findFirst().orElseThrow();
            return new Scenario(strategy, logger, () -> stats.written() + stats.failedOver() + stats.dropped(),
                    Optional.of(stats));
        }
    }
}
