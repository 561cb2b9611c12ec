package io.eventgate.logger.runtime;

import java.util.List;
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

    private final Map<String, EventLogStrategy> byName = new TreeMap<>();

    @Inject
    public EventLogStrategies(@Any Instance<EventLogStrategy> strategies) {
        for (Instance.Handle<EventLogStrategy> handle : strategies.handles()) {
            handle.getBean().getQualifiers().stream()
                    .filter(Identifier.class::isInstance)
                    .map(Identifier.class::cast)
                    .findFirst()
                    .ifPresent(identifier -> byName.put(identifier.value(), handle.get()));
        }
    }

    /**
     * The strategies called {@code names}, in that order.
     *
     * @param propertyKey the configuration key the names came from, named in the error
     * @throws ConfigurationException when a name is unknown
     */
    public List<EventLogStrategy> named(List<String> names, String propertyKey) {
        return names.stream().map(String::trim).map(name -> {
            EventLogStrategy strategy = byName.get(name);
            if (strategy == null) {
                throw new ConfigurationException("Unknown event-logger strategy '" + name + "' in " + propertyKey
                        + "; known strategies: " + String.join(", ", byName.keySet())
                        + ". A custom strategy is a CDI bean implementing EventLogStrategy with @Identifier(\"" + name
                        + "\").");
            }
            return strategy;
        }).toList();
    }
}
