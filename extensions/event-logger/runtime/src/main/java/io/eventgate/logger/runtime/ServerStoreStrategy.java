package io.eventgate.logger.runtime;

import java.util.List;

import org.jboss.logging.Logger;

import io.eventgate.logger.EventLogRecord;
import io.eventgate.logger.EventLogStrategy;

/**
 * A strategy that writes to a server: always queued behind a logger. Called directly, outside
 * any logger, {@link #log(EventLogRecord)} writes the one record without waiting and reports a
 * failure in the application log.
 */
public abstract class ServerStoreStrategy implements EventLogStrategy {

    private static final Logger LOG = Logger.getLogger(ServerStoreStrategy.class);

    @Override
    public void log(EventLogRecord record) {
        write(List.of(record)).subscribe().with(stored -> {
        }, failure -> LOG.errorf(failure, "%s could not store a record about '%s'", getClass().getSimpleName(),
                record.context()));
    }

    @Override
    public boolean queued() {
        return true;
    }
}
