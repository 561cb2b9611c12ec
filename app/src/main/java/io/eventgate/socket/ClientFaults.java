package io.eventgate.socket;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * Logs what clients do wrong at INFO, at most one line per kind every {@value #INTERVAL_SECONDS}
 * seconds with a count of what was left out, so that no client can flood the log (docs/protocol.md section 2:
 * a client's mistakes are never an ERROR with a stack trace).
 */
public final class ClientFaults {

    private static final Logger LOG = Logger.getLogger(ClientFaults.class);
    private static final long INTERVAL_SECONDS = 10;
    private static final ConcurrentMap<String, Window> WINDOWS = new ConcurrentHashMap<>();

    private ClientFaults() {
    }

    /** A fault of {@code kind} (a short, fixed word), described by {@code detail}. */
    public static void log(String kind, String detail) {
        Window window = WINDOWS.computeIfAbsent(kind, name -> new Window());
        long now = System.nanoTime();
        long opened = window.opened.get();
        if (now - opened >= TimeUnit.SECONDS.toNanos(INTERVAL_SECONDS) && window.opened.compareAndSet(opened, now)) {
            long left = window.suppressed.getAndSet(0);
            LOG.infof("Client fault (%s): %s%s", kind, detail,
                    left == 0 ? "" : " (" + left + " more of this kind in the last " + INTERVAL_SECONDS + " s)");
        } else {
            window.suppressed.incrementAndGet();
        }
    }

    private static final class Window {
        // Far enough in the past that the first fault of a kind is logged.
        final AtomicLong opened = new AtomicLong(System.nanoTime() - TimeUnit.SECONDS.toNanos(INTERVAL_SECONDS));
        final AtomicLong suppressed = new AtomicLong();
    }
}
