package io.eventgate.logger.runtime;

import java.util.function.Function;

import io.eventgate.logger.EventLogger;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Turns each logger's configuration into the {@link EventLogger} bean injected under its name.
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
            return new ConfiguredEventLogger(name, strategies.named(logger.strategies(),
                    EventLoggerConfig.propertyKey(configuredName, "strategies")));
        };
    }
}
