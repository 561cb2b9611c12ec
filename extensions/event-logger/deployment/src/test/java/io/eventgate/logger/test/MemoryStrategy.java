package io.eventgate.logger.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import io.eventgate.logger.EventLogRecord;
import io.eventgate.logger.EventLogStore;
import io.eventgate.logger.EventLogStrategy;
import io.eventgate.logger.runtime.LoggerConfig;
import io.smallrye.common.annotation.Identifier;

/**
 * A custom strategy, as an application would write one: a CDI bean with an {@code @Identifier}.
 * Every logger naming it gets a direct store that keeps what it gets in this bean's memory.
 */
@Singleton
@Identifier("memory")
public class MemoryStrategy implements EventLogStrategy {

    private final List<EventLogRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public EventLogStore open(LoggerConfig logger) {
        return (EventLogStore.Direct) records::add;
    }

    public List<EventLogRecord> records() {
        return records;
    }

    public List<EventLogRecord> of(String logger) {
        return records.stream().filter(record -> record.logger().equals(logger)).toList();
    }
}
