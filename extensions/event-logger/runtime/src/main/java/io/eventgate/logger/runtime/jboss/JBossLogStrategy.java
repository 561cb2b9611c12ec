package io.eventgate.logger.runtime.jboss;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.inject.Singleton;

import org.jboss.logmanager.ExtLogRecord;
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
 * MDC, where JSON logging picks them up as fields.
 */
@Singleton
@Identifier(JBossLogStrategy.ID)
public class JBossLogStrategy implements EventLogStrategy, EventLogStore.Direct {

    public static final String ID = "jboss";

    /** The MDC key that carries the event logger's name. */
    public static final String LOGGER_MDC_KEY = "eventLogger";

    private static final String FQCN = JBossLogStrategy.class.getName();

    /** Event names are open-ended: beyond this many, categories are looked up again each time. */
    private static final int CACHED_CATEGORIES = 1024;

    /**
     * Loggers by category, because looking one up walks the category tree and allocates, once per
     * record on a hot path. A logger reads its level from the tree on every call, so a level changed
     * later still applies.
     */
    private final ConcurrentMap<String, Logger> categories = new ConcurrentHashMap<>();

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
        ExtLogRecord line = new ExtLogRecord(level, record.message(), ExtLogRecord.FormatStyle.NO_FORMAT, FQCN);
        line.setLoggerName(record.context());
        line.setInstant(record.timestamp());
        line.putMdc(LOGGER_MDC_KEY, record.logger());
        for (Map.Entry<String, String> attribute : record.attributes().entrySet()) {
            line.putMdc(attribute.getKey(), attribute.getValue());
        }
        category.logRaw(line);
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
