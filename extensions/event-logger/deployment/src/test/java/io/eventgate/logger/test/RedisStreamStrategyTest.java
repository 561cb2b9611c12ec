package io.eventgate.logger.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.eventgate.testing.RedisProcess;
import io.eventgate.testing.RedisStreams;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.mutiny.redis.client.Redis;

/** The redis-stream strategy appends every record, exactly, read back with XRANGE. */
class RedisStreamStrategyTest {

    static final RedisProcess REDIS = RedisProcess.of(RedisStreamStrategyTest.class);

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Records.class))
            .overrideConfigKey("quarkus.redis.hosts", REDIS.url())
            .overrideConfigKey("quarkus.event-logger.\"audit\".strategies", "redis-stream")
            .overrideConfigKey("quarkus.event-logger.\"audit\".redis-stream.key", "audit-stream")
            .overrideConfigKey("quarkus.event-logger.\"audit\".redis-stream.max-length", "1000")
            .overrideConfigKey("quarkus.event-logger.\"audit\".queue.batch-size", "10")
            .overrideConfigKey("quarkus.event-logger.\"audit\".queue.flush-interval", "50ms");

    @Inject
    @EventLoggerName("audit")
    EventLogger audit;

    @Inject
    Redis redis;

    @Test
    void appendsEachRecordWithItsFields() {
        for (int i = 0; i < 25; i++) {
            audit.log(Records.numbered("order.created", i));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> RedisStreams.read(redis, "audit-stream").size() == 25);

        List<Map<String, String>> entries = RedisStreams.read(redis, "audit-stream");
        for (int i = 0; i < 25; i++) {
            Map<String, String> entry = entries.get(i);
            assertThat(entry).containsEntry("logger", "audit")
                    .containsEntry("context", "order.created")
                    .containsEntry("message", "record " + i)
                    .containsEntry("level", "INFO")
                    .containsEntry("data", "{\"n\":" + i + ",\"orderId\":\"order-" + i + "\"}")
                    .containsEntry("attr.eventId", "event-" + i)
                    .containsKey("timestamp");
        }
    }
}
