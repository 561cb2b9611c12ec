package io.eventgate.backplane;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * The Redis backplane ({@code eventgate.backplane.*}), when {@code eventgate.fanout=redis}; a group of
 * {@link io.eventgate.config.EventgateConfig}.
 */
public interface BackplaneConfig {

    /**
     * The pub/sub channel the replicas share. Replicas of another deployment on the same Redis
     * need another channel.
     */
    @WithDefault("eventgate:events")
    String channel();

    /**
     * The longest a publish waits for Redis before the event is delivered on this node only.
     */
    @WithDefault("1s")
    Duration publishTimeout();

    /**
     * Whether cross-node delivery is required. {@code false}: while Redis is away, events still
     * reach this node's sockets and publishing answers 202. {@code true}: publishing answers 503
     * and readiness is DOWN until Redis is back.
     */
    @WithDefault("false")
    boolean required();

    /**
     * The longest wait between two attempts to subscribe again after Redis went away.
     */
    @WithDefault("5s")
    Duration maxReconnectBackoff();
}
