package io.eventgate.logger.runtime;

import jakarta.enterprise.inject.Instance;

import io.quarkus.arc.InactiveBeanException;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Finds the default client a store strategy writes through, or says which property to set.
 */
public final class ClientLookup {

    private ClientLookup() {
    }

    public static <T> T get(Instance<T> client, String strategy, String property) {
        if (client.isUnsatisfied()) {
            throw missing(strategy, property, null);
        }
        try {
            return client.get();
        } catch (InactiveBeanException e) {
            throw missing(strategy, property, e);
        }
    }

    private static ConfigurationException missing(String strategy, String property, RuntimeException cause) {
        ConfigurationException missing = new ConfigurationException("The event-logger strategy '" + strategy
                + "' writes through the default client, which is not configured: set " + property
                + " in application.properties (an environment variable can override its value at run time)");
        if (cause != null) {
            missing.initCause(cause);
        }
        return missing;
    }
}
