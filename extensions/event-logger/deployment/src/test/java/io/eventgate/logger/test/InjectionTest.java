package io.eventgate.logger.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.eventgate.logger.EventLogRecord;
import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.eventgate.logger.runtime.EventLoggerConfig;
import io.eventgate.logger.runtime.jboss.JBossLogStrategy;
import io.eventgate.testing.CapturedLogs;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Identifier;

/**
 * Default and named injection, two names storing differently, a name without configuration
 * falling back to the default, the custom {@code memory} strategy, and the {@code jboss} line.
 */
class InjectionTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(MemoryStrategy.class, Records.class))
            .overrideConfigKey("quarkus.event-logger.strategies", "memory")
            .overrideConfigKey("quarkus.event-logger.\"audit\".strategies", "memory,jboss")
            .overrideConfigKey("quarkus.event-logger.\"ops\".strategies", "jboss")
            .overrideConfigKey("quarkus.event-logger.\"off\".strategies", "none");

    @Inject
    EventLogger defaultLogger;

    @Inject
    @EventLoggerName("audit")
    EventLogger audit;

    @Inject
    @EventLoggerName("ops")
    EventLogger ops;

    @Inject
    @EventLoggerName("unconfigured")
    EventLogger unconfigured;

    @Inject
    @EventLoggerName("off")
    EventLogger off;

    @Inject
    @Identifier("memory")
    MemoryStrategy memory;

    @Test
    void eachNameStoresWhereItsConfigurationSays() {
        defaultLogger.log(Records.numbered("order.created", 1));
        audit.log(Records.numbered("order.created", 2));
        ops.log(Records.numbered("order.created", 3));
        unconfigured.log(Records.numbered("order.created", 4));
        off.log(Records.numbered("order.created", 5));

        assertThat(messages(EventLoggerConfig.DEFAULT_LOGGER_NAME)).containsExactly("record 1");
        assertThat(messages("audit")).containsExactly("record 2");
        assertThat(messages("ops")).as("ops stores through jboss only").isEmpty();
        assertThat(messages("unconfigured")).as("falls back to the default logger's strategies")
                .containsExactly("record 4");
        assertThat(messages("off")).as("the none strategy stores nothing").isEmpty();
    }

    @Test
    void aLoggerWithTheNoneStrategyOnlySaysItIsDisabled() {
        assertThat(off.isEnabled()).as("none only").isFalse();
        assertThat(audit.isEnabled()).isTrue();
        assertThat(defaultLogger.isEnabled()).isTrue();
    }

    private List<String> messages(String logger) {
        return memory.of(logger).stream().filter(record -> record.context().equals("order.created"))
                .map(record -> record.message()).toList();
    }

    @Test
    void keepsTheRecordAsLogged() {
        audit.log(Records.numbered("payment.failed", 7));
        var record = memory.of("audit").stream().filter(r -> r.context().equals("payment.failed")).findFirst()
                .orElseThrow();
        assertThat(record.data().path("orderId").asText()).isEqualTo("order-7");
        assertThat(record.attributes()).containsEntry("eventId", "event-7");
        assertThat(record.level().name()).isEqualTo("INFO");
    }

    @Test
    void namedLoggersCanBeLookedUpToo() {
        EventLogger looked = Arc.container().select(EventLogger.class, EventLoggerName.Literal.of("audit")).get();
        looked.log(Records.numbered("looked.up", 1));
        assertThat(memory.of("audit")).extracting(record -> record.context()).contains("looked.up");
    }

    @Test
    void jbossFollowsALevelChangedAfterItsCategoryWasUsed() {
        org.jboss.logmanager.Logger category = org.jboss.logmanager.Logger.getLogger("level.changed");
        try (CapturedLogs logs = CapturedLogs.install()) {
            ops.log(Records.numbered("level.changed", 1));
            category.setLevel(java.util.logging.Level.WARNING);
            ops.log(Records.numbered("level.changed", 2));
            category.setLevel(null);
            ops.log(Records.numbered("level.changed", 3));
            // The level of the moment of logging decides, though the line is written later.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logs.of("level.changed"))
                    .extracting(line -> line.getMessage()).containsExactly("record 1", "record 3"));
        } finally {
            category.setLevel(null);
        }
    }

    @Test
    void jbossWritesTheContextAsCategoryAndTheMessage() {
        try (CapturedLogs logs = CapturedLogs.install()) {
            ops.log(Records.numbered("customer.subscribed", 9));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logs.of("customer.subscribed"))
                    .singleElement().satisfies(line -> {
                        assertThat(line.getMessage()).isEqualTo("record 9");
                        assertThat(line.getMdc("eventLogger")).isEqualTo("ops");
                        assertThat(line.getMdc("eventId")).isEqualTo("event-9");
                    }));
        }
    }

    @Test
    void jbossNamesTheLoggerInTheMdcWhateverTheAttributesSay() {
        try (CapturedLogs logs = CapturedLogs.install()) {
            ops.log(EventLogRecord.builder("logger.spoofed", "spoofed").attribute(JBossLogStrategy.LOGGER_MDC_KEY, "audit")
                    .attribute("eventId", "event-10").build());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logs.of("logger.spoofed"))
                    .singleElement().satisfies(line -> {
                        assertThat(line.getMdc(JBossLogStrategy.LOGGER_MDC_KEY)).isEqualTo("ops");
                        assertThat(line.getMdc("eventId")).isEqualTo("event-10");
                    }));
        }
    }
}
