package io.eventgate.logger.runtime;

import io.eventgate.logger.EventLogStrategy;

/**
 * A strategy with the name configuration knows it by.
 */
public record NamedStrategy(String name, EventLogStrategy strategy) {
}
