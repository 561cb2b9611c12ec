package io.eventgate.history;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.eventgate.config.EventgateConfig;

/**
 * Picks the history that goes with {@code eventgate.fanout}, as the fan-out is picked.
 */
@Singleton
public class HistoryProducer {

    @Produces
    @Singleton
    History history(EventgateConfig config, Instance<LocalHistory> local) {
        return switch (config.fanout()) {
            case LOCAL -> local.get();
            case REDIS -> new NoHistory();
        };
    }
}
