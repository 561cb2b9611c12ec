package io.eventgate.logger.runtime.none;

import jakarta.inject.Singleton;

import io.eventgate.logger.EventLogStore;
import io.eventgate.logger.EventLogStrategy;
import io.eventgate.logger.runtime.LoggerConfig;
import io.smallrye.common.annotation.Identifier;

/**
 * Stores nothing: {@code strategies=none} turns a logger off, deliberately and visibly in the
 * configuration (for instance the per-delivery records of a service that counts them in metrics
 * instead).
 */
@Singleton
@Identifier(NoneLogStrategy.ID)
public class NoneLogStrategy implements EventLogStrategy {

    public static final String ID = "none";

    @Override
    public EventLogStore open(LoggerConfig logger) {
        return EventLogStore.DISCARD;
    }
}
