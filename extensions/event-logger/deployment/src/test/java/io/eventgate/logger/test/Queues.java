package io.eventgate.logger.test;

import io.eventgate.logger.runtime.pipeline.QueuedStore;
import io.eventgate.logger.runtime.pipeline.QueuedStores;

/** Finds a logger's queued store, to read its counts. */
public final class Queues {

    private Queues() {
    }

    public static QueuedStore of(QueuedStores queues, String logger, String strategy) {
        return queues.stores().stream()
                .filter(store -> store.loggerName().equals(logger) && store.strategyName().equals(strategy))
                .findFirst().orElseThrow(() -> new AssertionError("no queued store " + logger + "/" + strategy));
    }
}
