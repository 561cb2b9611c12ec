package io.eventgate.backplane;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.eventgate.delivery.Fanout;
import io.eventgate.delivery.FanoutConfig;
import io.eventgate.delivery.LocalDelivery;
import io.eventgate.delivery.LocalFanout;

/**
 * Picks the fan-out configured by {@code eventgate.fanout}.
 */
@Singleton
public class FanoutProducer {

    @Produces
    @Singleton
    Fanout fanout(FanoutConfig config, LocalDelivery local, Instance<RedisFanout> redis) {
        return switch (config.fanout()) {
            case LOCAL -> new LocalFanout(local);
            case REDIS -> redis.get().start();
        };
    }
}
