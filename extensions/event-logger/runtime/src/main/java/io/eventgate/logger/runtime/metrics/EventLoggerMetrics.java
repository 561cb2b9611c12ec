package io.eventgate.logger.runtime.metrics;

import java.util.function.ToDoubleFunction;

import jakarta.inject.Singleton;

import io.eventgate.logger.runtime.pipeline.QueuedStore;
import io.eventgate.logger.runtime.pipeline.QueuedStoreObserver;
import io.eventgate.logger.runtime.pipeline.StoreStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Micrometer meters for each queued store, tagged by logger and strategy: records written, failed
 * over and dropped, batches, retries, and the queue depth.
 */
@Singleton
public class EventLoggerMetrics implements QueuedStoreObserver {

    private final MeterRegistry registry;

    public EventLoggerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void opened(QueuedStore store) {
        Tags tags = Tags.of("logger", store.loggerName(), "strategy", store.strategyName());
        StoreStats stats = store.stats();
        counter("eventlogger.records.written", "Records the store confirmed", stats, StoreStats::written, tags);
        counter("eventlogger.records.failed.over", "Records stored by the failover strategy instead", stats,
                StoreStats::failedOver, tags);
        counter("eventlogger.records.dropped", "Records lost by the overflow policy or a failed failover", stats,
                StoreStats::dropped, tags);
        counter("eventlogger.batches", "Batches the store confirmed", stats, StoreStats::batches, tags);
        counter("eventlogger.retries", "Batch writes tried again after a failure", stats, StoreStats::retries, tags);
        Gauge.builder("eventlogger.queue.depth", store, QueuedStore::depth)
                .description("Records waiting to be written").tags(tags).register(registry);
    }

    private void counter(String name, String description, StoreStats stats, ToDoubleFunction<StoreStats> value,
            Tags tags) {
        FunctionCounter.builder(name, stats, value).description(description).tags(tags).register(registry);
    }
}
