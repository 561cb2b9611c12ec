package io.eventgate.logger.runtime.jboss;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logmanager.Level;
import org.jboss.logmanager.Logger;

import io.eventgate.logger.EventLogRecord;
import io.eventgate.logger.EventLogStore;
import io.eventgate.logger.EventLogStrategy;
import io.eventgate.logger.runtime.LoggerConfig;
import io.smallrye.common.annotation.Identifier;

/**
 * Writes each record through JBoss Logging, with the record's context as the category, so a line
 * reads {@code INFO [order.created] orderId: ...}; the logger name and the attributes go to the
 * MDC, where JSON logging picks them up as fields. The category's level is checked when the record
 * is logged; the line is made and written by a {@link LineWriter}, in batches, off the caller's
 * thread. The caller's own MDC is not copied: a record carries its facts as attributes.
 */
@Singleton
@Identifier(JBossLogStrategy.ID)
public class JBossLogStrategy implements EventLogStrategy, EventLogStore.Direct {

    public static final String ID = "jboss";

    /** The MDC key that carries the event logger's name. */
    public static final String LOGGER_MDC_KEY = "eventLogger";

    /** Past this many lines waiting, callers wait for the writer: back-pressure, not memory. */
    private static final int QUEUE_CAPACITY = 16_384;

    /** The most lines written under one held flush. */
    private static final int BATCH_SIZE = 1_024;

    /** How long a stop waits for the writer to write what is queued. */
    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    /** Event names are open-ended: beyond this many, categories are looked up again each time. */
    private static final int CACHED_CATEGORIES = 1024;

    /**
     * Loggers by category, because looking one up walks the category tree and allocates, once per
     * record on a hot path. A logger reads its level from the tree on every call, so a level changed
     * later still applies.
     */
    private final ConcurrentMap<String, Logger> categories = new ConcurrentHashMap<>();

    private final LineWriter writer = new LineWriter(QUEUE_CAPACITY, BATCH_SIZE);

    /** One store serves every logger: it keeps no per-logger state, the record carries its logger's name. */
    @Override
    public EventLogStore open(LoggerConfig logger) {
        return this;
    }

    @Override
    public void store(EventLogRecord record) {
        Logger category = category(record.context());
        java.util.logging.Level level = toLogManagerLevel(record.level());
        if (!category.isLoggable(level)) {
            return;
        }
        Thread caller = Thread.currentThread();
        writer.write(new QueuedLine(category, level, record, caller.getName(), caller.getId()));
    }

    /** Lines handed to JBoss Logging so far, for benchmarks that wait for the last one. */
    public long linesWritten() {
        return writer.written();
    }

    /** Writes what is queued; later records are written on their caller's thread, so none is lost. */
    @PreDestroy
    void stop() {
        writer.stop(STOP_TIMEOUT_MILLIS);
    }

    private Logger category(String name) {
        Logger cached = categories.get(name);
        if (cached != null) {
            return cached;
        }
        Logger category = Logger.getLogger(name);
        if (categories.size() < CACHED_CATEGORIES) {
            categories.putIfAbsent(name, category);
        }
        return category;
    }

    private static java.util.logging.Level toLogManagerLevel(org.jboss.logging.Logger.Level level) {
        return switch (level) {
            case FATAL -> Level.FATAL;
            case ERROR -> Level.ERROR;
            case WARN -> Level.WARN;
            case INFO -> Level.INFO;
            case DEBUG -> Level.DEBUG;
            case TRACE -> Level.TRACE;
        };
    }
}
