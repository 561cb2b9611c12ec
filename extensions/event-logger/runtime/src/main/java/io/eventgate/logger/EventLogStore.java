package io.eventgate.logger;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * One logger's store, opened by its {@link EventLogStrategy}. A store is either {@link Direct},
 * called in place with each record, or {@link Batched}, handed batches from a bounded queue off the
 * caller's thread, with retries and failover. Each kind has exactly one method to implement, so a
 * store can be a lambda.
 */
public sealed interface EventLogStore {

    /**
     * A store that keeps nothing: a logger whose stores are all this one says it is not
     * {@linkplain EventLogger#isEnabled() enabled}, so callers skip building records.
     */
    Direct DISCARD = record -> {
    };

    /**
     * Checks that the store answers, for the readiness check; fails when it does not.
     */
    default Uni<Void> ping() {
        return Uni.createFrom().voidItem();
    }

    /**
     * A store cheap enough to call on any thread, the Vert.x event loop included: it does no I/O of
     * its own on the caller's thread (the {@code jboss} strategy queues each line for its writer
     * thread, and makes a caller wait only when that writer is a whole queue behind; memory).
     */
    @FunctionalInterface
    non-sealed interface Direct extends EventLogStore {

        /** Stores one record, at once. */
        void store(EventLogRecord record);
    }

    /**
     * A store that does I/O. The logger never calls it on the caller's thread: a drain thread of
     * the logger's own hands it batches, retries a failed batch as a whole (so a store may see a
     * record twice), and fails the batch over when the retries are spent.
     */
    @FunctionalInterface
    non-sealed interface Batched extends EventLogStore {

        /**
         * Stores a batch of the logger's records; the returned {@link Uni} completes when all are
         * stored and fails when they may not be.
         */
        Uni<Void> write(List<EventLogRecord> batch);
    }
}
