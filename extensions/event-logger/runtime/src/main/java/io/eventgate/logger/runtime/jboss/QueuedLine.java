package io.eventgate.logger.runtime.jboss;

import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;

import io.eventgate.logger.EventLogRecord;

/**
 * A record on its way to JBoss Logging, with what belongs to the moment it was logged: its
 * category and level, checked then, and the thread that logged it.
 */
record QueuedLine(Logger category, Level level, EventLogRecord record, String threadName, long threadId) {

    private static final String FQCN = JBossLogStrategy.class.getName();

    /**
     * The JBoss record: the context as category, the event logger's name and the attributes in the
     * MDC, where JSON logging picks them up as fields.
     */
    ExtLogRecord toLogRecord() {
        ExtLogRecord line = new ExtLogRecord(level, record.message(), ExtLogRecord.FormatStyle.NO_FORMAT, FQCN);
        line.setLoggerName(record.context());
        line.setInstant(record.timestamp());
        line.setThreadName(threadName);
        line.setLongThreadID(threadId);
        // Set, not put: putting first copies the MDC of the thread that formats, which is not the caller's.
        line.setMdc(record.attributes());
        line.putMdc(JBossLogStrategy.LOGGER_MDC_KEY, record.logger());
        return line;
    }
}
