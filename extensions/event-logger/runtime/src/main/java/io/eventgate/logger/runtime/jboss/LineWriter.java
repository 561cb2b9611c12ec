package io.eventgate.logger.runtime.jboss;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.jboss.logging.Logger;

/**
 * Hands queued lines to JBoss Logging from a thread of its own, as many as have queued up within a
 * short linger, with the writing handlers' flush {@linkplain HeldFlush held} for each batch:
 * callers, the event loops among them, pay for a queue slot instead of a formatted line and a
 * {@code write}.
 * <p>
 * Order: one queue, one writer at a time (the {@code writing} lock), and whoever writes in place
 * first writes what is queued. Loss: none on a normal stop. {@link #stop(long)} lets the thread write
 * the queue, then every later line is written in place, on its caller's thread, after what is still
 * queued. A full queue makes callers wait for room (the cost of the synchronous handler they would
 * otherwise pay, and never a lost line).
 */
final class LineWriter {

    private static final Logger LOG = Logger.getLogger(LineWriter.class);

    /** How long the thread waits for a line before it looks whether it was stopped. */
    private static final long IDLE_WAIT_MILLIS = 50;

    /**
     * How long the thread lets a batch gather after its first line: without it a writer faster than
     * its callers takes lines one by one, paying a wake-up and a flush for each.
     */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final BlockingQueue<QueuedLine> queue;
    private final int batchSize;
    private final ReentrantLock writing = new ReentrantLock();
    /** Used under {@link #writing} only. */
    private final List<QueuedLine> batch;
    /** Used under {@link #writing} only. */
    private final HeldFlush flush = new HeldFlush();
    private final LongAdder written = new LongAdder();
    private final Thread thread;
    private volatile boolean running = true;

    LineWriter(int capacity, int batchSize) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.batch = new ArrayList<>(batchSize);
        this.thread = new Thread(this::run, "event-logger-jboss");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void write(QueuedLine line) {
        if (!running) {
            writeInPlace(line);
            return;
        }
        try {
            queue.put(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writeInPlace(line);
            return;
        }
        if (!running) {
            // Stopped while queueing: the thread may be gone, so this caller writes what it left.
            writeInPlace(null);
        }
    }

    /** Lines handed to JBoss Logging so far. */
    long written() {
        return written.sum();
    }

    /**
     * Stops the thread once it has written the queue, waiting for it at most {@code timeoutMillis};
     * from then on lines are written in place.
     */
    void stop(long timeoutMillis) {
        running = false;
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeInPlace(null);
    }

    private void run() {
        while (true) {
            writing.lock();
            try {
                QueuedLine first = queue.poll(IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (!running) {
                        return;
                    }
                    continue;
                }
                if (queue.size() < batchSize - 1) {
                    LockSupport.parkNanos(LINGER_NANOS);
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                publishBatch();
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } finally {
                writing.unlock();
            }
        }
    }

    /** Writes what is queued, then {@code line} if there is one, on the caller's thread. */
    private void writeInPlace(QueuedLine line) {
        writing.lock();
        try {
            queue.drainTo(batch);
            if (line != null) {
                batch.add(line);
            }
            publishBatch();
        } finally {
            writing.unlock();
        }
    }

    private void publishBatch() {
        try {
            for (QueuedLine line : batch) {
                flush.holdFor(line.category());
            }
            for (QueuedLine line : batch) {
                try {
                    line.category().logRaw(line.toLogRecord());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Could not write a record about '%s' to JBoss Logging", line.record().context());
                }
            }
        } finally {
            flush.release();
            written.add(batch.size());
            batch.clear();
        }
    }
}
