package io.eventgate.logger.runtime.pipeline;

import java.util.concurrent.atomic.LongAdder;

/**
 * What became of the records given to one queued store. Every record accepted ends in exactly
 * one of written, failed over or dropped; until then it is queued or in a batch being written.
 */
public final class StoreStats {

    private final LongAdder accepted = new LongAdder();
    private final LongAdder written = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder failedOver = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    void accept() {
        accepted.increment();
    }

    void written(int records) {
        written.add(records);
        batches.increment();
    }

    void retried() {
        retries.increment();
    }

    void failedOver(int records) {
        failedOver.add(records);
    }

    void dropped(int records) {
        dropped.add(records);
    }

    /** Records handed to the store's logger. */
    public long accepted() {
        return accepted.sum();
    }

    /** Records the store confirmed. */
    public long written() {
        return written.sum();
    }

    /** Batches the store confirmed. */
    public long batches() {
        return batches.sum();
    }

    /** Batch writes tried again after a failure. */
    public long retries() {
        return retries.sum();
    }

    /** Records stored by the failover strategy instead. */
    public long failedOver() {
        return failedOver.sum();
    }

    /** Records lost, by the overflow policy or because the failover failed too. */
    public long dropped() {
        return dropped.sum();
    }

    @Override
    public String toString() {
        return "accepted=" + accepted() + " written=" + written() + " batches=" + batches() + " retries=" + retries()
                + " failedOver=" + failedOver() + " dropped=" + dropped();
    }
}
