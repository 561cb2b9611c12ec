package io.eventgate.logger;

/**
 * Stores what happened. Applications inject it; stores implement {@link EventLogStore}.
 * <p>
 * Inject the default logger with {@code @Inject EventLogger log;} or a named one with
 * {@code @Inject @EventLoggerName("audit") EventLogger audit;}. Configuration decides where
 * each name stores its records (see {@code quarkus.event-logger.strategies}).
 * <p>
 * Implementations return at once on any thread, the Vert.x event loop included: stores that do
 * I/O do it off the caller's thread.
 */
public interface EventLogger {

    /**
     * Logs one record. A logger obtained by injection stamps its own name on the record.
     *
     * @param record what happened
     */
    void log(EventLogRecord record);

    /**
     * Whether {@link #log} stores records anywhere: {@code false} for a logger configured with the
     * {@code none} strategy only. A caller on a hot path checks it before building a record that
     * nobody would keep.
     *
     * @return {@code true} unless every record would be discarded
     */
    default boolean isEnabled() {
        return true;
    }
}
