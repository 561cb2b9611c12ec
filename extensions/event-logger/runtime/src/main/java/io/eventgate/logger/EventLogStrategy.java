package io.eventgate.logger;

import io.eventgate.logger.runtime.LoggerConfig;

/**
 * A kind of place where records are stored. Any CDI bean that implements this interface and
 * carries {@code @io.smallrye.common.annotation.Identifier("name")} can be named in
 * {@code quarkus.event-logger.strategies}, next to the built-in {@code jboss}, {@code console},
 * {@code mongo}, {@code redis-stream} and {@code none}.
 * <p>
 * A strategy is asked once per logger that names it for that logger's store, which takes the
 * logger's settings then: records never have to be matched to their logger's configuration again.
 */
@FunctionalInterface
public interface EventLogStrategy {

    /**
     * Opens the store of one logger, when the logger is created (at start-up). A failure here, such
     * as a missing client, fails the start with its message.
     *
     * @param logger the configuration of the logger the store is for
     * @return where that logger's records go: an {@link EventLogStore.Direct} called in place, or an
     *         {@link EventLogStore.Batched} put behind a bounded queue of its own
     */
    EventLogStore open(LoggerConfig logger);
}
