package io.eventgate.socket;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.eventgate.logging.ThrottledLog;

/**
 * Logs what clients do wrong at INFO, at most one line per kind every ten seconds with a count of
 * what was left out, so that no client can flood the log (docs/protocol.md section 2: a client's
 * mistakes are never an ERROR with a stack trace).
 */
public final class ClientFaults {

    private static final ThrottledLog LOG = new ThrottledLog(Logger.getLogger(ClientFaults.class), Logger.Level.INFO,
            Duration.ofSeconds(10));

    private ClientFaults() {
    }

    /** A fault of {@code kind} (a short, fixed word), described by {@code detail}. */
    public static void log(String kind, String detail) {
        LOG.log(kind, () -> "Client fault (" + kind + "): " + detail);
    }
}
