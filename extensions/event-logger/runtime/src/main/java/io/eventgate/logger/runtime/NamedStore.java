package io.eventgate.logger.runtime;

import io.eventgate.logger.EventLogStore;

/**
 * A logger's store with the name of the strategy that opened it, as configuration and reports say it.
 */
public record NamedStore(String name, EventLogStore store) {
}
