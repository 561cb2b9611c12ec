package io.eventgate.logger.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.eventgate.logger.runtime.pipeline.QueuedStores;
import io.eventgate.logger.runtime.pipeline.StoreStats;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Logging from the event loop while the store hangs: every call returns, and the store is only
 * ever called from the logger's own drain thread.
 */
class EventLoopTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Records.class, ControlledStore.class, MemoryStrategy.class, Queues.class))
            .overrideConfigKey("quarkus.event-logger.\"slow\".strategies", "controlled")
            .overrideConfigKey("quarkus.event-logger.\"slow\".failover", "memory")
            .overrideConfigKey("quarkus.event-logger.\"slow\".queue.capacity", "100")
            .overrideConfigKey("quarkus.event-logger.\"slow\".queue.batch-size", "1")
            .overrideConfigKey("quarkus.event-logger.\"slow\".queue.write-timeout", "1h")
            .overrideConfigKey("quarkus.event-logger.\"slow\".queue.shutdown-timeout", "100ms");

    @Inject
    @EventLoggerName("slow")
    EventLogger slow;

    @Inject
    @Identifier("controlled")
    ControlledStore store;

    @Inject
    Vertx vertx;

    @Inject
    QueuedStores queues;

    @Inject
    @Identifier("memory")
    MemoryStrategy failover;

    @Test
    void neverBlocksTheEventLoop() throws Exception {
        store.hanging(true);
        Context eventLoop = vertx.getOrCreateContext();
        CompletableFuture<String> done = new CompletableFuture<>();
        eventLoop.runOnContext(ignored -> {
            for (int i = 0; i < 10_000; i++) {
                slow.log(Records.numbered("from.event.loop", i));
            }
            done.complete(Thread.currentThread().getName());
        });
        // A call that waited on the hanging store would never finish: any bound proves the point.
        String caller = done.get(30, TimeUnit.SECONDS);
        assertThat(Context.isOnEventLoopThread()).isFalse();
        assertThat(caller).startsWith("vert.x-eventloop");
        StoreStats stats = Queues.of(queues, "slow", "controlled").stats();
        assertThat(stats.accepted()).isEqualTo(10_000);
        assertThat(stats.dropped()).as("overflow went to the failover, on the event loop, without loss").isZero();
        assertThat(failover.of("slow")).hasSize(10_000 - 100 - 1);
        assertThat(store.writerThreads()).isNotEmpty().allSatisfy(thread -> assertThat(thread).startsWith("event-logger-slow-"));
    }
}
