package io.eventgate.logger;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * A place where records are stored. Any CDI bean that implements this interface and carries
 * {@code @io.smallrye.common.annotation.Identifier("name")} can be named in
 * {@code quarkus.event-logger.strategies}, next to the built-in {@code jboss}, {@code console},
 * {@code mongo} and {@code redis-stream}.
 * <p>
 * Records arrive already stamped with the logger's name, so one strategy bean serves every logger
 * that names it. A strategy that does I/O says so with {@link #queued()}: the logger then never
 * calls it on the caller's thread, but hands batches to {@link #write(List)} from a bounded queue,
 * retrying failures and failing over when they persist.
 */
public interface EventLogStrategy extends EventLogger {

    /**
     * Stores a batch of records of one logger; the returned {@link Uni} completes when all are
     * stored and fails when they may not be. Called from the logger's own drain thread, never from
     * an event loop, and retried as a whole on failure (so a store may see a record twice).
     */
    default Uni<Void> write(List<EventLogRecord> batch) {
        batch.forEach(this::log);
        return Uni.createFrom().voidItem();
    }

    /**
     * Whether records reach this strategy through a bounded queue and batches, off the caller's
     * thread: {@code true} for any strategy that does I/O.
     */
    default boolean queued() {
        return false;
    }

    /**
     * Checks that the store answers, for the readiness check; fails when it does not.
     */
    default Uni<Void> ping() {
        return Uni.createFrom().voidItem();
    }
}
