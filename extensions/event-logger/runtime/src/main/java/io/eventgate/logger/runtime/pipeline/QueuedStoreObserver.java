package io.eventgate.logger.runtime.pipeline;

/**
 * Told of each queued store as it opens; how metrics find them. Implement it as a CDI bean.
 */
public interface QueuedStoreObserver {

    void opened(QueuedStore store);
}
