package io.eventgate.backplane;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * The Redis backplane ({@code eventgate.backplane.*}), when {@code eventgate.fanout=redis}; a group of
 * {@link io.eventgate.config.EventgateConfig}.
 */
public interface BackplaneConfig {

    /**
     * The prefix of every key the replicas share in Redis: the cluster's history (its epoch, its
     * sequence, a stream per room and the log every replica reads) and the idempotency keys.
     * Replicas of another deployment on the same Redis need another prefix.
     */
    @WithDefault("eventgate:backplane:")
    String keyPrefix();

    /**
     * The most events the log every replica reads keeps (trimmed approximately). A replica that
     * loses Redis for a while delivers, once it is back, what it missed meanwhile, as far back as
     * the log reaches.
     */
    @WithDefault("10000")
    int logMaxEvents();

    /**
     * The longest a publish, a resume or a history read waits for Redis; past it, the event is
     * delivered on this node only, and a resume answers {@code recovered: false}. A Redis that is
     * gone is noticed at once, by the connection that reads the log; this bounds the wait on one
     * that hangs, and is long enough for a burst of publishes on a replica that just started.
     */
    @WithDefault("5s")
    Duration publishTimeout();

    /**
     * Whether cross-node delivery is required. {@code false}: while Redis is away, events still
     * reach this node's sockets and publishing answers 202. {@code true}: publishing answers 503
     * and readiness is DOWN until Redis is back.
     */
    @WithDefault("false")
    boolean required();

    /**
     * The longest wait between two attempts to read the log again after Redis went away.
     */
    @WithDefault("5s")
    Duration maxReconnectBackoff();
}
