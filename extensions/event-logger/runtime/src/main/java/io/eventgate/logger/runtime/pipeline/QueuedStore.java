package io.eventgate.logger.runtime.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.logging.Logger;

import io.eventgate.logger.EventLogRecord;
import io.eventgate.logger.EventLogStore;
import io.eventgate.logger.runtime.LoggerConfig;
import io.eventgate.logger.runtime.NamedStore;
import io.smallrye.mutiny.Uni;

/**
 * Puts a {@linkplain EventLogStore.Batched batched store} behind a bounded queue (the shape of
 * Log4j2's AsyncAppender with a FailoverAppender, and of OpenTelemetry's BatchLogRecordProcessor).
 * <p>
 * {@link #store(EventLogRecord)} only offers the record to the queue, so it returns at once on any
 * thread. A drain thread of its own writes batches (by size, or when the flush interval has
 * passed), retries a failed batch with Mutiny's exponential backoff, and hands it to the failover
 * store when the retries are spent. A full queue applies the overflow policy. Every record ends written,
 * failed over or dropped, and {@link StoreStats} counts which.
 */
public final class QueuedStore implements EventLogStore.Direct {

    private static final Logger LOG = Logger.getLogger(QueuedStore.class);

    private static final long WAIT_SLICE = TimeUnit.MILLISECONDS.toNanos(50);

    /** A full queue is reported at most this often, however many records meet it. */
    private static final long OVERFLOW_REPORT_INTERVAL = TimeUnit.SECONDS.toNanos(10);

    private final String loggerName;
    private final String strategyName;
    private final EventLogStore.Batched store;
    private final NamedStore failover;
    private final LoggerConfig.QueueConfig queueConfig;
    private final LoggerConfig.RetryConfig retryConfig;
    private final BlockingQueue<EventLogRecord> queue;
    private final StoreStats stats = new StoreStats();
    private final Thread drainer;
    private volatile boolean accepting = true;
    private volatile long shutdownDeadline = Long.MAX_VALUE;
    private final LongAdder overflowed = new LongAdder();
    private final AtomicLong nextOverflowReport = new AtomicLong(System.nanoTime());

    QueuedStore(String loggerName, String strategyName, EventLogStore.Batched store, NamedStore failover,
            LoggerConfig config) {
        this.loggerName = loggerName;
        this.strategyName = strategyName;
        this.store = store;
        this.failover = failover;
        this.queueConfig = config.queue();
        this.retryConfig = config.retry();
        this.queue = new ArrayBlockingQueue<>(queueConfig.capacity());
        this.drainer = new Thread(this::drain, "event-logger-" + loggerName + "-" + strategyName);
        this.drainer.setDaemon(true);
        this.drainer.start();
    }

    @Override
    public void store(EventLogRecord record) {
        stats.accept();
        if (!accepting) {
            failOver(List.of(record));
            return;
        }
        if (queue.offer(record)) {
            return;
        }
        reportOverflow();
        switch (queueConfig.overflow()) {
            case FAILOVER -> failOver(List.of(record));
            case DROP_NEWEST -> stats.dropped(1);
            case DROP_OLDEST -> {
                if (queue.poll() != null) {
                    stats.dropped(1);
                }
                if (!queue.offer(record)) {
                    stats.dropped(1);
                }
            }
        }
    }

    public String loggerName() {
        return loggerName;
    }

    public String strategyName() {
        return strategyName;
    }

    /** Whether the store answers, for the readiness check. */
    public Uni<Void> ping() {
        return store.ping();
    }

    Duration shutdownTimeout() {
        return queueConfig.shutdownTimeout();
    }

    public StoreStats stats() {
        return stats;
    }

    /** Records waiting to be written. */
    public int depth() {
        return queue.size();
    }

    /**
     * Stops taking records (later ones go straight to the failover strategy) and gives the drain
     * thread until {@code deadlineNanos}, on the {@link System#nanoTime()} clock, to write the queue.
     */
    void stopAccepting(long deadlineNanos) {
        shutdownDeadline = deadlineNanos;
        accepting = false;
    }

    /**
     * Waits for the drain thread until the deadline given to {@link #stopAccepting(long)}; what is
     * left then goes to the failover strategy.
     *
     * @return how many records could not be written to the store in time
     */
    int awaitDrained() {
        long deadlineNanos = shutdownDeadline;
        try {
            drainer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drainer.isAlive()) {
            // Still retrying or writing: stop waiting for it.
            drainer.interrupt();
        }
        List<EventLogRecord> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            failOver(left);
        }
        return left.size();
    }

    private void drain() {
        List<EventLogRecord> batch = new ArrayList<>(queueConfig.batchSize());
        while (accepting || !queue.isEmpty()) {
            try {
                fill(batch);
            } catch (InterruptedException e) {
                break;
            }
            if (!batch.isEmpty()) {
                writeWithRetries(List.copyOf(batch));
                batch.clear();
            }
        }
    }

    /**
     * Waits for a first record, then up to the flush interval for the batch to fill. Waits in
     * short slices, so that a shutdown is noticed at once however long the interval.
     */
    private void fill(List<EventLogRecord> batch) throws InterruptedException {
        long interval = queueConfig.flushInterval().toNanos();
        EventLogRecord first = queue.poll(Math.min(interval, WAIT_SLICE), TimeUnit.NANOSECONDS);
        if (first == null) {
            return;
        }
        batch.add(first);
        long deadline = System.nanoTime() + interval;
        while (batch.size() < queueConfig.batchSize() && accepting) {
            queue.drainTo(batch, queueConfig.batchSize() - batch.size());
            long wait = deadline - System.nanoTime();
            if (batch.size() >= queueConfig.batchSize() || wait <= 0) {
                break;
            }
            EventLogRecord next = queue.poll(Math.min(wait, WAIT_SLICE), TimeUnit.NANOSECONDS);
            if (next != null) {
                batch.add(next);
            }
        }
        if (!accepting) {
            queue.drainTo(batch, queueConfig.batchSize() - batch.size());
        }
    }

    /**
     * Writes the batch, each attempt within {@code queue.write-timeout}, retrying with backoff and
     * jitter until the retries are spent or the shutdown deadline has passed; then fails it over.
     * An interrupt (shutdown time is up) ends the wait and fails the batch over too.
     */
    private void writeWithRetries(List<EventLogRecord> batch) {
        AtomicInteger attempts = new AtomicInteger();
        try {
            Uni.createFrom().deferred(() -> {
                if (attempts.getAndIncrement() > 0) {
                    stats.retried();
                }
                return store.write(batch);
            })
                    .ifNoItem().after(queueConfig.writeTimeout()).fail()
                    .onFailure().invoke(failure -> LOG.debugf(failure, "Event logger '%s': write to '%s' failed",
                            loggerName, strategyName))
                    .onFailure(failure -> System.nanoTime() < shutdownDeadline).retry()
                    .withBackOff(retryConfig.initialBackoff(), retryConfig.maxBackoff())
                    .atMost(retryConfig.maxRetries())
                    .await().indefinitely();
            stats.written(batch.size());
        } catch (RuntimeException e) {
            LOG.warnf("Event logger '%s' could not write %d records to '%s' (%s); handing them to '%s'",
                    loggerName, batch.size(), strategyName, e.getMessage(), failover.name());
            failOver(batch);
        }
    }

    /** Never waits: it may run on the caller's thread, an event loop included. */
    private void failOver(List<EventLogRecord> records) {
        if (failover.store() instanceof EventLogStore.Direct direct) {
            try {
                records.forEach(direct::store);
                stats.failedOver(records.size());
            } catch (RuntimeException e) {
                lost(records, e);
            }
        } else if (failover.store() instanceof EventLogStore.Batched batched) {
            batched.write(records).subscribe().with(stored -> stats.failedOver(records.size()),
                    failure -> lost(records, failure));
        }
    }

    private void lost(List<EventLogRecord> records, Throwable failure) {
        stats.dropped(records.size());
        LOG.errorf(failure, "Event logger '%s' lost %d records: neither '%s' nor its failover '%s' could store them",
                loggerName, records.size(), strategyName, failover.name());
    }

    /** Warns that the queue is full, with the count so far; cheap enough for the caller's thread. */
    private void reportOverflow() {
        overflowed.increment();
        long now = System.nanoTime();
        long next = nextOverflowReport.get();
        if (now - next >= 0 && nextOverflowReport.compareAndSet(next, now + OVERFLOW_REPORT_INTERVAL)) {
            LOG.warnf("Event logger '%s' found the queue of '%s' full (queue.capacity=%d) for %d records so far; "
                    + "queue.overflow=%s", loggerName, strategyName, queueConfig.capacity(), overflowed.sum(),
                    queueConfig.overflow().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }
}
