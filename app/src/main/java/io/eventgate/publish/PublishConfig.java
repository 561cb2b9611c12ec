package io.eventgate.publish;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;

/**
 * Who may publish, and how much.
 */
public interface PublishConfig {

    /**
     * The largest {@code POST /events} body accepted; larger ones get a 413.
     */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * The most events per second one publisher (API key) may publish, with bursts of up to as many;
     * past it a publish gets 429 with {@code Retry-After}. Without API keys, all publishers count as
     * one. Unset: no limit.
     */
    Optional<Integer> rateLimit();

    /**
     * How long a publisher's {@code Idempotency-Key} is remembered: a repeat within it gets the
     * first answer and is not delivered again. Cluster-wide with the Redis backplane, per node
     * otherwise.
     */
    @WithDefault("5M")
    Duration idempotencyWindow();
}
