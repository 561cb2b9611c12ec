package io.eventgate.logger.runtime;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.eventgate.logger.EventLogStrategy;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.common.annotation.Identifier;

/**
 * The registry of storage strategies: every {@link EventLogStrategy} bean, by its {@link Identifier}.
 */
@Singleton
public class EventLogStrategies {

    /** What to add for a built-in strategy that exists only with its client. */
    private static final Map<String, String> NEEDS = Map.of(
            "mongo", "io.quarkus:quarkus-mongodb-client (or io.quarkus:quarkus-mongodb-panache, which brings it)",
            "redis-stream", "io.quarkus:quarkus-redis-client");

    /** Handles, not instances: a strategy (and the client it needs) is created only when named. */
    private final Map<String, Instance.Handle<EventLogStrategy>> byName = new TreeMap<>();

    @Inject
    public EventLogStrategies(@Any Instance<EventLogStrategy> strategies) {
        for (Instance.Handle<EventLogStrategy> handle : strategies.handles()) {
            handle.getBean().getQualifiers().stream()
                    .filter(Identifier.class::isInstance)
                    .map(Identifier.class::cast)
                    .findFirst()
                    .ifPresent(identifier -> byName.put(identifier.value(), handle));
        }
    }

    /**
     * Opens the store of the strategy called {@code name} for one logger.
     *
     * @param propertyKey the configuration key the name came from, named in the error
     * @throws ConfigurationException when the name is unknown
     */
    public NamedStore open(String name, LoggerConfig logger, String propertyKey) {
        Instance.Handle<EventLogStrategy> strategy = byName.get(name);
        if (strategy != null) {
            return new NamedStore(name, strategy.get().open(logger));
        }
        String needs = NEEDS.get(name);
        if (needs != null) {
            throw new ConfigurationException("The event-logger strategy '" + name + "' named in " + propertyKey
                    + " needs its client: add the dependency " + needs + " to the application");
        }
        throw new ConfigurationException("Unknown event-logger strategy '" + name + "' in " + propertyKey
                + "; known strategies: " + String.join(", ", byName.keySet())
                + ". A custom strategy is a CDI bean implementing EventLogStrategy with @Identifier(\"" + name + "\").");
    }
}
