package io.eventgate.logger.runtime;

import java.util.List;

import org.jboss.logging.Logger;

import io.eventgate.logger.EventLogRecord;
import io.eventgate.logger.EventLogger;

/**
 * The injected logger for one name: stamps the name on each record and hands it to every store
 * configured for it (a {@code none} store is left out). One store failing does not keep the record
 * from the others.
 */
final class ConfiguredEventLogger implements EventLogger {

    private static final Logger LOG = Logger.getLogger(ConfiguredEventLogger.class);

    private final String name;
    private final List<? extends EventLogger> stores;

    ConfiguredEventLogger(String name, List<? extends EventLogger> stores) {
        this.name = name;
        this.stores = stores.stream().filter(EventLogger::isEnabled).toList();
    }

    @Override
    public boolean isEnabled() {
        return !stores.isEmpty();
    }

    @Override
    public void log(EventLogRecord record) {
        EventLogRecord named = record.withLogger(name);
        for (EventLogger store : stores) {
            try {
                store.log(named);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Event logger '%s' could not store a record about '%s'", name, named.context());
            }
        }
    }
}
