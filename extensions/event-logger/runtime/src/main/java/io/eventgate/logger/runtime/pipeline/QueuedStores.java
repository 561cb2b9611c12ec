package io.eventgate.logger.runtime.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.eventgate.logger.EventLogStore;
import io.eventgate.logger.runtime.LoggerConfig;
import io.eventgate.logger.runtime.NamedStore;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Every queued store of the application: opened as loggers are created, shown to whatever
 * watches them (metrics), and flushed within their bound at shutdown.
 */
@Singleton
public class QueuedStores {

    private static final Logger LOG = Logger.getLogger(QueuedStores.class);

    /** Flush before the default observers, while the MongoDB and Redis clients are still open. */
    private static final int FLUSH_PRIORITY = 100;

    private final List<QueuedStore> stores = new CopyOnWriteArrayList<>();
    private final Instance<QueuedStoreObserver> observers;

    public QueuedStores(Instance<QueuedStoreObserver> observers) {
        this.observers = observers;
    }

    /** Puts {@code store}, opened by the strategy {@code strategyName}, behind a queue of its own. */
    public QueuedStore open(String loggerName, String strategyName, EventLogStore.Batched store, NamedStore failover,
            LoggerConfig config) {
        QueuedStore queued = new QueuedStore(loggerName, strategyName, store, failover, config);
        stores.add(queued);
        observers.forEach(observer -> observer.opened(queued));
        return queued;
    }

    public List<QueuedStore> stores() {
        return List.copyOf(stores);
    }

    /**
     * Writes what is queued, all stores at once, each within its {@code queue.shutdown-timeout}.
     */
    void flush(@Observes @Priority(FLUSH_PRIORITY) ShutdownEvent shutdown) {
        long start = System.nanoTime();
        for (QueuedStore store : stores) {
            store.stopAccepting(start + store.shutdownTimeout().toNanos());
        }
        for (QueuedStore store : stores) {
            int left = store.awaitDrained();
            if (left > 0) {
                LOG.warnf("Event logger '%s': %d records could not be written to '%s' before shutdown and went to "
                        + "its failover strategy (%s)", store.loggerName(), left, store.strategyName(), store.stats());
            } else {
                LOG.debugf("Event logger '%s' flushed '%s' (%s)", store.loggerName(), store.strategyName(), store.stats());
            }
        }
    }
}
