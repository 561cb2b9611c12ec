package io.eventgate.logger.runtime;

import java.util.Map;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;

/**
 * Where each event logger stores its records.
 */
@ConfigMapping(prefix = "quarkus.event-logger")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface EventLoggerConfig {

    /** The name of the logger injected without {@code @EventLoggerName}. */
    String DEFAULT_LOGGER_NAME = "<default>";

    /**
     * The loggers, by the name given in {@code @EventLoggerName}. The default logger's keys have no
     * name ({@code quarkus.event-logger.strategies}); a named logger's keys carry it
     * ({@code quarkus.event-logger."audit".strategies}).
     */
    @ConfigDocSection
    @ConfigDocMapKey("logger-name")
    @WithParentName
    @WithDefaults
    @WithUnnamedKey(DEFAULT_LOGGER_NAME)
    Map<String, LoggerConfig> loggers();

    /**
     * The configuration that applies to the logger called {@code name}: its own when it has any
     * key set, otherwise the default logger's.
     */
    default LoggerConfig logger(String name) {
        return loggers().get(configuredName(name));
    }

    /**
     * The name whose keys configure the logger called {@code name}: itself when it has any key set,
     * otherwise the default logger.
     */
    default String configuredName(String name) {
        return loggers().containsKey(name) ? name : DEFAULT_LOGGER_NAME;
    }

    /** The configuration key of {@code property} for the logger called {@code name}, for error messages. */
    static String propertyKey(String name, String property) {
        return DEFAULT_LOGGER_NAME.equals(name) ? "quarkus.event-logger." + property
                : "quarkus.event-logger.\"" + name + "\"." + property;
    }
}
