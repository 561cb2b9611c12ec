package io.eventgate.logger.test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Singleton;

import io.eventgate.logger.EventLogRecord;
import io.eventgate.logger.EventLogStore;
import io.eventgate.logger.EventLogStrategy;
import io.eventgate.logger.runtime.LoggerConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;

/**
 * A queued store a test controls: it can fail every write, or hang (never answer) until released.
 * It remembers what it stored and on which threads it was called.
 */
@Singleton
@Identifier("controlled")
public class ControlledStore implements EventLogStrategy, EventLogStore.Batched {

    private final List<EventLogRecord> stored = new CopyOnWriteArrayList<>();
    private final Set<String> writerThreads = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean hanging = new AtomicBoolean();

    @Override
    public EventLogStore open(LoggerConfig logger) {
        return this;
    }

    @Override
    public Uni<Void> write(List<EventLogRecord> batch) {
        writerThreads.add(Thread.currentThread().getName());
        if (hanging.get()) {
            return Uni.createFrom().nothing();
        }
        if (failing.get()) {
            return Uni.createFrom().failure(new IllegalStateException("store down"));
        }
        stored.addAll(batch);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> ping() {
        return failing.get() ? Uni.createFrom().failure(new IllegalStateException("store down"))
                : Uni.createFrom().voidItem();
    }

    public void failing(boolean value) {
        failing.set(value);
    }

    public void hanging(boolean value) {
        hanging.set(value);
    }

    public List<EventLogRecord> stored() {
        return stored;
    }

    public Set<String> writerThreads() {
        return writerThreads;
    }
}
