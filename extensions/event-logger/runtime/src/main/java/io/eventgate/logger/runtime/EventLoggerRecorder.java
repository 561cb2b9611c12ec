package io.eventgate.logger.runtime;

import java.util.List;
import java.util.function.Function;

import io.eventgate.logger.EventLogStore;
import io.eventgate.logger.EventLogger;
import io.eventgate.logger.runtime.pipeline.QueuedStores;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Turns each logger's configuration into the {@link EventLogger} bean injected under its name:
 * each strategy it names opens a store for it once, here; direct stores are called in place,
 * batched ones through a {@code QueuedStore} of their own.
 */
@Recorder
public class EventLoggerRecorder {

    private final RuntimeValue<EventLoggerConfig> config;

    public EventLoggerRecorder(RuntimeValue<EventLoggerConfig> config) {
        this.config = config;
    }

    public Function<SyntheticCreationalContext<EventLogger>, EventLogger> eventLogger(String name) {
        return context -> {
            EventLoggerConfig loggers = config.getValue();
            String configuredName = loggers.configuredName(name);
            LoggerConfig logger = loggers.logger(name);
            EventLogStrategies strategies = context.getInjectedReference(EventLogStrategies.class);
            QueuedStores queues = context.getInjectedReference(QueuedStores.class);

            NamedStore failover = strategies.open(logger.failover().trim(), logger,
                    EventLoggerConfig.propertyKey(configuredName, "failover"));
            String storesKey = EventLoggerConfig.propertyKey(configuredName, "strategies");
            List<EventLogStore.Direct> stores = logger.strategies().stream()
                    .map(strategy -> strategies.open(strategy.trim(), logger, storesKey))
                    .map(store -> store.store() instanceof EventLogStore.Batched batched
                            ? queues.open(name, store.name(), batched, failover, logger)
                            : (EventLogStore.Direct) store.store())
                    .toList();
            return new ConfiguredEventLogger(name, stores);
        };
    }
}
