package io.eventgate.subscribe;

import java.time.Instant;
import java.util.concurrent.PriorityBlockingQueue;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.eventgate.metrics.EventgateMetrics;
import io.vertx.core.Vertx;

/**
 * Closes sockets whose grant ran out, all of them with one periodic Vert.x timer over one queue
 * ordered by expiry (not a timer per socket). A refreshed grant leaves its old entry in the queue:
 * when that entry comes up, the socket's current expiry is later, and nothing happens.
 */
@Singleton
public class TokenExpiries {

    /** How late past {@code exp} a socket may be closed at most. */
    private static final long PERIOD_MILLIS = 250;

    /** What a socket with a grant offers the scheduler. */
    public interface Expiring {

        /** When the socket's current grant ends; {@link Instant#MAX} once it is closed. */
        Instant expiresAt();

        /** Closes the socket because its grant ended. */
        void expire();
    }

    private record Entry(Instant at, Expiring socket) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            return at.compareTo(other.at);
        }
    }

    private final Vertx vertx;
    private final EventgateMetrics metrics;
    private final PriorityBlockingQueue<Entry> queue = new PriorityBlockingQueue<>();
    private long timer = -1;

    public TokenExpiries(Vertx vertx, EventgateMetrics metrics) {
        this.vertx = vertx;
        this.metrics = metrics;
    }

    @PostConstruct
    void start() {
        timer = vertx.setPeriodic(PERIOD_MILLIS, id -> expireDue());
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(timer);
    }

    /** Watches {@code socket}, whose grant now ends at {@code at}. */
    public void watch(Instant at, Expiring socket) {
        queue.add(new Entry(at, socket));
    }

    private void expireDue() {
        Instant now = Instant.now();
        for (Entry head = queue.peek(); head != null && !head.at().isAfter(now); head = queue.peek()) {
            Entry due = queue.poll();
            if (due != null && !due.socket().expiresAt().isAfter(now)) {
                metrics.socketClosed("token-expired");
                due.socket().expire();
            }
        }
    }
}
