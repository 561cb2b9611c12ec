package io.eventgate.logger.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.eventgate.testing.RedisProcess;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Records still queued when the application stops reach Redis before it is gone: with a flush
 * interval of one hour, only the shutdown flush can have written them.
 */
class ShutdownFlushTest {

    static final RedisProcess REDIS = RedisProcess.of(ShutdownFlushTest.class);

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Records.class))
            .overrideConfigKey("quarkus.redis.hosts", REDIS.url())
            .overrideConfigKey("quarkus.event-logger.\"late\".strategies", "redis-stream")
            .overrideConfigKey("quarkus.event-logger.\"late\".redis-stream.key", "late-stream")
            .overrideConfigKey("quarkus.event-logger.\"late\".queue.batch-size", "1000")
            .overrideConfigKey("quarkus.event-logger.\"late\".queue.flush-interval", "1h")
            .setAfterAllCustomizer(() -> assertThat(REDIS.xlen("late-stream"))
                    .as("records in Redis after the application stopped").isEqualTo(50));

    @Inject
    @EventLoggerName("late")
    EventLogger late;

    @Test
    void queuesRecordsThatOnlyTheShutdownFlushCanWrite() {
        for (int i = 0; i < 50; i++) {
            late.log(Records.numbered("late", i));
        }
        assertThat(REDIS.xlen("late-stream")).isZero();
    }
}
