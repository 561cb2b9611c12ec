package io.eventgate.logger.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.QuarkusUnitTest;

/** With Micrometer present, each queued store has its counters and queue gauge. */
class MetricsTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Records.class, ControlledStore.class))
            .overrideConfigKey("quarkus.event-logger.\"metered\".strategies", "controlled")
            .overrideConfigKey("quarkus.event-logger.\"metered\".queue.flush-interval", "20ms");

    @Inject
    @EventLoggerName("metered")
    EventLogger metered;

    @Inject
    MeterRegistry registry;

    @Test
    void countsWhatEachStoreWrote() {
        for (int i = 0; i < 12; i++) {
            metered.log(Records.numbered("metered", i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.find("eventlogger.records.written")
                .tags("logger", "metered", "strategy", "controlled").functionCounter().count() == 12);
        assertThat(registry.find("eventlogger.batches").tags("logger", "metered").functionCounter().count())
                .isPositive();
        assertThat(registry.find("eventlogger.records.dropped").tags("logger", "metered").functionCounter().count())
                .isZero();
        assertThat(registry.find("eventlogger.queue.depth").tags("logger", "metered").gauge()).isNotNull();
    }
}
