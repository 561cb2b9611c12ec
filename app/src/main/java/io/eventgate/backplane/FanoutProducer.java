package io.eventgate.backplane;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.eventgate.config.EventgateConfig;
import io.eventgate.delivery.Fanout;
import io.eventgate.delivery.SingleNodeFanout;
import io.eventgate.delivery.SocketDelivery;
import io.eventgate.history.History;
import io.eventgate.history.LocalHistory;
import io.quarkus.runtime.Startup;

/**
 * Picks the fan-out configured by {@code eventgate.fanout}, and the history that goes with it.
 */
@Singleton
public class FanoutProducer {

    /** At start: a replica subscribes to the backplane before it says it is ready, not on its first publish. */
    @Produces
    @Singleton
    @Startup
    Fanout fanout(EventgateConfig config, SocketDelivery local, Instance<LocalHistory> history,
            Instance<RedisFanout> redis) {
        return switch (config.fanout()) {
            case LOCAL -> new SingleNodeFanout(local, history.get());
            case REDIS -> redis.get().start();
        };
    }

    @Produces
    @Singleton
    History history(EventgateConfig config, Instance<LocalHistory> local, Instance<RedisHistory> redis) {
        return switch (config.fanout()) {
            case LOCAL -> local.get();
            case REDIS -> redis.get().start();
        };
    }
}
