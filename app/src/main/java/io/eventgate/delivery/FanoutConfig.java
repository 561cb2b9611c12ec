package io.eventgate.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * How events reach sockets: on this node only, or on every replica through Redis.
 */
@ConfigMapping(prefix = "eventgate")
public interface FanoutConfig {

    /**
     * {@code local}: an event reaches the sockets of the node that accepted it. {@code redis}: it
     * reaches the sockets of every replica, through Redis pub/sub on the default Redis client
     * ({@code quarkus.redis.hosts}).
     */
    @WithDefault("local")
    FanoutMode fanout();

    /**
     * The Redis backplane, when {@code eventgate.fanout=redis}.
     */
    @WithName("backplane")
    BackplaneConfig backplane();

    enum FanoutMode {
        LOCAL,
        REDIS
    }

    interface BackplaneConfig {

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
}
