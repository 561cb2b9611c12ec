package io.eventgate.logger.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.eventgate.logger.runtime.pipeline.QueuedStores;
import io.eventgate.logger.runtime.pipeline.StoreStats;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Identifier;

/**
 * A store that stays down: each batch is retried, then handed to the failover strategy; when it
 * comes back, new records are stored again. Nothing vanishes: the counts add up.
 */
class FailoverTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Records.class, Queues.class, MemoryStrategy.class,
                    ControlledStore.class))
            .overrideConfigKey("quarkus.event-logger.\"audit\".strategies", "controlled")
            .overrideConfigKey("quarkus.event-logger.\"audit\".failover", "memory")
            .overrideConfigKey("quarkus.event-logger.\"audit\".queue.flush-interval", "20ms")
            .overrideConfigKey("quarkus.event-logger.\"audit\".retry.max-retries", "2")
            .overrideConfigKey("quarkus.event-logger.\"audit\".retry.initial-backoff", "10ms");

    @Inject
    @EventLoggerName("audit")
    EventLogger audit;

    @Inject
    QueuedStores queues;

    @Inject
    @Identifier("controlled")
    ControlledStore store;

    @Inject
    @Identifier("memory")
    MemoryStrategy failover;

    @Test
    void failsOverAfterTheRetriesAndAccountsForEveryRecord() {
        store.failing(true);
        for (int i = 0; i < 30; i++) {
            audit.log(Records.numbered("down", i));
        }
        StoreStats stats = Queues.of(queues, "audit", "controlled").stats();
        await().atMost(Duration.ofSeconds(10)).until(() -> stats.failedOver() == 30);
        assertThat(failover.of("audit")).hasSize(30);
        assertThat(stats.retries()).isGreaterThanOrEqualTo(2);

        store.failing(false);
        for (int i = 30; i < 40; i++) {
            audit.log(Records.numbered("up", i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> stats.written() == 10);
        assertThat(store.stored()).extracting(record -> record.context()).containsOnly("up");
        assertThat(stats.accepted()).isEqualTo(40).isEqualTo(stats.written() + stats.failedOver() + stats.dropped());
    }
}
