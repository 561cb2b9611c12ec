package io.eventgate.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Records what reaches JBoss Logging's root logger while it is installed.
 */
public final class CapturedLogs extends Handler implements AutoCloseable {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

    private CapturedLogs() {
    }

    public static CapturedLogs install() {
        CapturedLogs logs = new CapturedLogs();
        java.util.logging.Logger.getLogger("").addHandler(logs);
        return logs;
    }

    /** Every record so far. */
    public List<ExtLogRecord> all() {
        return List.copyOf(records);
    }

    /** The records whose category is {@code category}. */
    public List<ExtLogRecord> of(String category) {
        return records.stream().filter(record -> category.equals(record.getLoggerName())).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(ExtLogRecord.wrap(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        java.util.logging.Logger.getLogger("").removeHandler(this);
    }
}
