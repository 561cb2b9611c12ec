package io.eventgate.config;

import java.util.List;
import java.util.Optional;

import io.eventgate.backplane.BackplaneConfig;
import io.eventgate.delivery.FanoutMode;
import io.eventgate.health.HealthConfig;
import io.eventgate.history.HistoryConfig;
import io.eventgate.publish.PublishConfig;
import io.eventgate.socket.SocketConfig;
import io.eventgate.subscribe.SubscribeConfig;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * All of eventgate's own settings, under {@code eventgate.}: one root, a group per feature, each
 * group in the package of the feature it configures ({@code eventgate.socket.*} in {@code socket},
 * and so on). The javadoc of these interfaces is the configuration reference: the build writes
 * it to {@code docs/config} ({@code @ConfigRoot} is there for that generator).
 */
@ConfigMapping(prefix = "eventgate")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface EventgateConfig {

    /**
     * {@code local}: an event reaches the sockets of the node that accepted it. {@code redis}: it
     * reaches the sockets of every replica, through Redis pub/sub on the default Redis client
     * ({@code quarkus.redis.hosts}).
     */
    @WithDefault("local")
    FanoutMode fanout();

    /**
     * API keys accepted in {@code Authorization: Bearer <key>} on {@code POST /events} and
     * {@code POST /tokens}. When none is set, anyone who can reach the port can publish and mint
     * tokens (the service warns once at start).
     */
    Optional<List<String>> apiKeys();

    /** Publishing: {@code eventgate.publish.*}. */
    PublishConfig publish();

    /** The sockets: {@code eventgate.socket.*}. */
    SocketConfig socket();

    /** The Redis backplane, when {@code eventgate.fanout=redis}: {@code eventgate.backplane.*}. */
    BackplaneConfig backplane();

    /** What is kept for resume and {@code GET /history}: {@code eventgate.history.*}. */
    HistoryConfig history();

    /** Who may subscribe: {@code eventgate.subscribe.*}. */
    SubscribeConfig subscribe();

    /** Readiness: {@code eventgate.health.*}. */
    HealthConfig health();
}
