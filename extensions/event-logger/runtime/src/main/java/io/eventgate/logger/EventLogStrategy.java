package io.eventgate.logger;

/**
 * A place where records are stored. Any CDI bean that implements this interface and carries
 * {@code @io.smallrye.common.annotation.Identifier("name")} can be named in
 * {@code quarkus.event-logger.strategies}, next to the built-in {@code jboss} and {@code console}.
 * <p>
 * {@link #log(EventLogRecord)} receives records already stamped with the logger's name, so one
 * strategy bean serves every logger that names it.
 */
public interface EventLogStrategy extends EventLogger {
}
