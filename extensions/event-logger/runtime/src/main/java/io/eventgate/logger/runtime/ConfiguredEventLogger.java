package io.eventgate.logger.runtime;

import java.util.List;

import org.jboss.logging.Logger;

import io.eventgate.logger.EventLogRecord;
import io.eventgate.logger.EventLogStore;
import io.eventgate.logger.EventLogger;

/**
 * The injected logger for one name: stamps the name on each record and hands it to every store
 * configured for it (a discarding store is left out). One store failing does not keep the record
 * from the others.
 */
final class ConfiguredEventLogger implements EventLogger {

    private static final Logger LOG = Logger.getLogger(ConfiguredEventLogger.class);

    private final String name;
    private final List<EventLogStore.Direct> stores;

    /**
     * @param stores called in place: direct stores, and batched ones behind their queue
     */
    ConfiguredEventLogger(String name, List<EventLogStore.Direct> stores) {
        this.name = name;
        this.stores = stores.stream().filter(store -> store != EventLogStore.DISCARD).toList();
    }

    @Override
    public boolean isEnabled() {
        return !stores.isEmpty();
    }

    @Override
    public void log(EventLogRecord record) {
        EventLogRecord named = record.withLogger(name);
        for (EventLogStore.Direct store : stores) {
            try {
                store.store(named);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Event logger '%s' could not store a record about '%s'", name, named.context());
            }
        }
    }
}
