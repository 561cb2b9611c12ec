package io.eventgate.publish;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Who may publish, and how much.
 */
@ConfigMapping(prefix = "eventgate")
public interface PublishConfig {

    /**
     * API keys accepted in {@code Authorization: Bearer <key>} on {@code POST /events}. When none is
     * set, anyone who can reach the port can publish (the service warns once at start).
     */
    @WithName("api-keys")
    Optional<List<String>> apiKeys();

    /**
     * The largest {@code POST /events} body accepted; larger ones get a 413.
     */
    @WithName("publish.max-body-size")
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * The most events per second one publisher (API key) may publish, with bursts of up to as many;
     * past it a publish gets 429 with {@code Retry-After}. Without API keys, all publishers count as
     * one. Unset: no limit.
     */
    @WithName("publish.rate-limit")
    Optional<Integer> rateLimit();
}
