package io.eventgate.socket;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.Uni;

/**
 * When this node stops, its sockets are closed with 1001 (going away), so their clients
 * reconnect to another replica at once rather than waiting for a timeout. This happens when the
 * shutdown delay starts ({@code quarkus.shutdown.delay}: readiness is DOWN, HTTP still serves),
 * before the HTTP server closes what is left with 1000; and it happens before the event loggers
 * flush, so the records of the last deliveries are written too.
 */
@Singleton
public class SocketDrain {

    /** Early among shutdown observers: the event-logger flush comes later (priority 100). */
    public static final int PRIORITY = 10;

    private static final Logger LOG = Logger.getLogger(SocketDrain.class);
    private static final CloseReason GOING_AWAY = new CloseReason(1001, "server shutting down; reconnect");
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final RoomRegistry registry;

    public SocketDrain(RoomRegistry registry) {
        this.registry = registry;
    }

    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent delay) {
        closeAll();
    }

    /** Without a shutdown delay, as early as shutdown observers run. */
    void onShutdown(@Observes @Priority(PRIORITY) ShutdownEvent shutdown) {
        closeAll();
    }

    private void closeAll() {
        List<Uni<Void>> closes = registry.everyone().stream()
                .map(member -> member.connection().close(GOING_AWAY).onFailure().recoverWithNull())
                .toList();
        if (closes.isEmpty()) {
            return;
        }
        LOG.infof("Closing %d sockets with 1001 (going away)", closes.size());
        Uni.join().all(closes).andCollectFailures().await().atMost(CLOSE_TIMEOUT);
    }
}
