package io.eventgate.logging;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * At most one line per kind every interval, with a count of what was left out: for causes that
 * come from outside (a client's mistakes, a backend that does not answer), which must be seen by an
 * operator but must not be able to flood the log.
 */
public final class ThrottledLog {

    private final Logger log;
    private final Logger.Level level;
    private final long intervalNanos;
    private final String interval;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    public ThrottledLog(Logger log, Logger.Level level, Duration interval) {
        this.log = log;
        this.level = level;
        this.intervalNanos = interval.toNanos();
        this.interval = interval.toMillis() % 1000 == 0 ? interval.toSeconds() + " s" : interval.toMillis() + " ms";
    }

    /** A line of {@code kind} (a short, fixed word); {@code line} is built only when it is written. */
    public void log(String kind, Supplier<String> line) {
        Window window = windows.computeIfAbsent(kind, name -> new Window(System.nanoTime() - intervalNanos));
        long now = System.nanoTime();
        long opened = window.opened.get();
        if (now - opened >= intervalNanos && window.opened.compareAndSet(opened, now)) {
            long left = window.suppressed.getAndSet(0);
            log.logf(level, "%s%s", line.get(),
                    left == 0 ? "" : " (" + left + " more of this kind in the last " + interval + ")");
        } else {
            window.suppressed.incrementAndGet();
        }
    }

    private static final class Window {
        final AtomicLong opened;
        final AtomicLong suppressed = new AtomicLong();

        Window(long opened) {
            // Far enough in the past that the first line of a kind is written.
            this.opened = new AtomicLong(opened);
        }
    }
}
