package io.eventgate.logger.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.eventgate.logger.runtime.pipeline.QueuedStore;
import io.eventgate.logger.runtime.pipeline.QueuedStores;
import io.eventgate.testing.RedisProcess;
import io.eventgate.testing.RedisStreams;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.redis.client.Redis;

/**
 * Redis goes away for a while: records are retried, readiness says degraded (still UP), and once
 * Redis is back every record is stored; the counts add up.
 */
class RedisOutageTest {

    static final RedisProcess REDIS = RedisProcess.of(RedisOutageTest.class);

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Records.class, Queues.class,
                    MemoryStrategy.class))
            .overrideConfigKey("quarkus.redis.hosts", REDIS.url())
            // The client's own check would say DOWN; the event-logger check says degraded.
            .overrideConfigKey("quarkus.redis.health.enabled", "false")
            .overrideConfigKey("quarkus.mongodb.health.enabled", "false")
            .overrideConfigKey("quarkus.event-logger.\"audit\".strategies", "redis-stream")
            .overrideConfigKey("quarkus.event-logger.\"audit\".failover", "memory")
            .overrideConfigKey("quarkus.event-logger.\"audit\".redis-stream.key", "outage-stream")
            .overrideConfigKey("quarkus.event-logger.\"audit\".queue.flush-interval", "20ms")
            .overrideConfigKey("quarkus.event-logger.\"audit\".queue.write-timeout", "1s")
            .overrideConfigKey("quarkus.event-logger.\"audit\".retry.max-retries", "1000")
            .overrideConfigKey("quarkus.event-logger.\"audit\".retry.initial-backoff", "50ms")
            .overrideConfigKey("quarkus.event-logger.\"audit\".retry.max-backoff", "200ms");

    @Inject
    @EventLoggerName("audit")
    EventLogger audit;

    @Inject
    QueuedStores queues;

    @Inject
    @Identifier("memory")
    MemoryStrategy failover;

    @Inject
    Redis redis;

    @Test
    void retriesWhileRedisIsDownAndStoresEverythingWhenItIsBack() {
        audit.log(Records.numbered("before.outage", 0));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> RedisStreams.read(redis, "outage-stream").size() == 1);
        QueuedStore store = Queues.of(queues, "audit", "redis-stream");

        REDIS.stop();
        for (int i = 1; i <= 20; i++) {
            audit.log(Records.numbered("during.outage", i));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(store.stats().retries()).as("%s, queued %d", store.stats(), store.depth())
                        .isGreaterThanOrEqualTo(3));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'event-logger' }.data.redis-stream", startsWith("degraded"));

        // The new server starts empty (nothing on disk): it holds exactly what was retried.
        REDIS.startAgain();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> RedisStreams.read(redis, "outage-stream").size() == 20);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'event-logger' }.data.redis-stream", equalTo("up"));

        assertThat(store.stats().written()).isEqualTo(21);
        assertThat(store.stats().failedOver()).isZero();
        assertThat(store.stats().dropped()).isZero();
        assertThat(store.stats().accepted()).isEqualTo(21);
        assertThat(failover.records()).isEmpty();
    }
}
