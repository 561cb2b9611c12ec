package io.eventgate.logger.runtime;

import java.util.List;
import java.util.function.Function;

import io.eventgate.logger.EventLogger;
import io.eventgate.logger.runtime.pipeline.EventLogPipelines;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Turns each logger's configuration into the {@link EventLogger} bean injected under its name:
 * direct strategies are called in place, queued ones through a {@code QueuedStore} of their own.
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
            EventLogPipelines pipelines = context.getInjectedReference(EventLogPipelines.class);

            NamedStrategy failover = strategies.named(logger.failover(),
                    EventLoggerConfig.propertyKey(configuredName, "failover"));
            List<EventLogger> stores = strategies.named(logger.strategies(),
                    EventLoggerConfig.propertyKey(configuredName, "strategies")).stream()
                    .<EventLogger> map(store -> store.strategy().queued() ? pipelines.open(name, store, failover, logger)
                            : store.strategy())
                    .toList();
            return new ConfiguredEventLogger(name, stores);
        };
    }
}
