package io.eventgate.logger.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.eventgate.logger.runtime.pipeline.QueuedStore;
import io.eventgate.logger.runtime.pipeline.QueuedStores;
import io.eventgate.logger.runtime.pipeline.StoreStats;
import io.eventgate.testing.CapturedLogs;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Identifier;

/**
 * A store that hangs, behind a queue of 5: {@code drop-newest} counts what it drops,
 * {@code failover} hands the overflow to the failover strategy at once.
 */
class OverflowPolicyTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Records.class, Queues.class, MemoryStrategy.class,
                    ControlledStore.class))
            .overrideConfigKey("quarkus.event-logger.\"drop\".strategies", "controlled")
            .overrideConfigKey("quarkus.event-logger.\"drop\".queue.capacity", "5")
            .overrideConfigKey("quarkus.event-logger.\"drop\".queue.batch-size", "1")
            .overrideConfigKey("quarkus.event-logger.\"drop\".queue.overflow", "drop-newest")
            .overrideConfigKey("quarkus.event-logger.\"drop\".queue.write-timeout", "1h")
            .overrideConfigKey("quarkus.event-logger.\"drop\".queue.shutdown-timeout", "100ms")
            .overrideConfigKey("quarkus.event-logger.\"drop\".failover", "memory")
            .overrideConfigKey("quarkus.event-logger.\"spill\".strategies", "controlled")
            .overrideConfigKey("quarkus.event-logger.\"spill\".queue.capacity", "5")
            .overrideConfigKey("quarkus.event-logger.\"spill\".queue.batch-size", "1")
            .overrideConfigKey("quarkus.event-logger.\"spill\".queue.overflow", "failover")
            .overrideConfigKey("quarkus.event-logger.\"spill\".queue.write-timeout", "1h")
            .overrideConfigKey("quarkus.event-logger.\"spill\".queue.shutdown-timeout", "100ms")
            .overrideConfigKey("quarkus.event-logger.\"spill\".failover", "memory");

    @Inject
    @EventLoggerName("drop")
    EventLogger drop;

    @Inject
    @EventLoggerName("spill")
    EventLogger spill;

    @Inject
    QueuedStores queues;

    @Inject
    @Identifier("controlled")
    ControlledStore store;

    @Inject
    @Identifier("memory")
    MemoryStrategy failover;

    /** The message of a {@code warnf} line with its parameters in place. */
    private static String printf(ExtLogRecord line) {
        return String.format(line.getMessage(), line.getParameters());
    }

    @Test
    void appliesEachLoggersOverflowPolicy() {
        store.hanging(true);
        StoreStats dropped = Queues.of(queues, "drop", "controlled").stats();
        StoreStats spilled = Queues.of(queues, "spill", "controlled").stats();

        // The first record is taken by the drain thread, which then hangs on it; 5 wait; the rest overflow.
        drop.log(Records.numbered("first", 0));
        spill.log(Records.numbered("first", 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> store.writerThreads().size() == 2);
        try (CapturedLogs logs = CapturedLogs.install()) {
            for (int i = 1; i <= 20; i++) {
                drop.log(Records.numbered("overflow", i));
                spill.log(Records.numbered("overflow", i));
            }
            assertThat(logs.of(QueuedStore.class.getName())).extracting(OverflowPolicyTest::printf)
                    .as("one warning per logger, not one per record")
                    .containsExactlyInAnyOrder(
                            "Event logger 'drop' found the queue of 'controlled' full (queue.capacity=5) for 1 records "
                                    + "so far; queue.overflow=drop-newest",
                            "Event logger 'spill' found the queue of 'controlled' full (queue.capacity=5) for 1 records "
                                    + "so far; queue.overflow=failover");
        }

        assertThat(dropped.dropped()).isEqualTo(15);
        assertThat(failover.of("drop")).isEmpty();
        assertThat(spilled.dropped()).isZero();
        assertThat(spilled.failedOver()).isEqualTo(15);
        assertThat(failover.of("spill")).hasSize(15);
        assertThat(Queues.of(queues, "spill", "controlled").depth()).isEqualTo(5);
    }
}
