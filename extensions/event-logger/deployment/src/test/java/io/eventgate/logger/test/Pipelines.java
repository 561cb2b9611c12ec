package io.eventgate.logger.test;

import io.eventgate.logger.runtime.pipeline.EventLogPipelines;
import io.eventgate.logger.runtime.pipeline.QueuedStore;

/** Finds a logger's queued store, to read its counts. */
public final class Pipelines {

    private Pipelines() {
    }

    public static QueuedStore store(EventLogPipelines pipelines, String logger, String strategy) {
        return pipelines.stores().stream()
                .filter(store -> store.loggerName().equals(logger) && store.strategyName().equals(strategy))
                .findFirst().orElseThrow(() -> new AssertionError("no queued store " + logger + "/" + strategy));
    }
}
