package io.eventgate.shutdown;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.eventgate.delivery.Fanout;
import io.eventgate.socket.RoomRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.Uni;

/**
 * Stops this node in the order that keeps the promise of a 202 (docs/protocol.md section 1): first new
 * publishes and handshakes are refused (503, {@code Connection: close}); then the publishes already
 * admitted are finished, delivered to every open socket they target; then the sockets are closed
 * with 1001 so their clients reconnect to another replica; the event loggers flush after that
 * (their shutdown observer comes later).
 * <p>
 * This starts when the shutdown delay starts ({@code quarkus.shutdown.delay}: readiness is DOWN,
 * HTTP still serves), or, without a delay, as the first shutdown observer.
 */
@Singleton
public class Draining {

    /** Before the event-logger flush (priority 100). */
    private static final int PRIORITY = 10;

    private static final Logger LOG = Logger.getLogger(Draining.class);
    private static final CloseReason GOING_AWAY = new CloseReason(1001, "server shutting down; reconnect");
    private static final Duration FINISH_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final RoomRegistry registry;
    private final Fanout fanout;
    private final AtomicInteger admitted = new AtomicInteger();
    private volatile boolean started;
    private boolean done;

    public Draining(RoomRegistry registry, Fanout fanout) {
        this.registry = registry;
        this.fanout = fanout;
    }

    /** Whether the node has begun to stop: new publishes and sockets go elsewhere. */
    public boolean started() {
        return started;
    }

    /**
     * Admits a publish that will be finished before the sockets close, unless the node is stopping;
     * an admitted publish must be {@link #finished()} once answered, whatever the answer.
     */
    public boolean admit() {
        admitted.incrementAndGet();
        // Either the drain sees this publish counted, or this publish sees the drain started.
        if (started) {
            admitted.decrementAndGet();
            return false;
        }
        return true;
    }

    public void finished() {
        admitted.decrementAndGet();
    }

    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent delay) throws InterruptedException {
        drain();
    }

    void onShutdown(@Observes @Priority(PRIORITY) ShutdownEvent shutdown) throws InterruptedException {
        drain();
    }

    private synchronized void drain() throws InterruptedException {
        if (done) {
            return;
        }
        done = true;
        started = true;
        long deadline = System.nanoTime() + FINISH_TIMEOUT.toNanos();
        while ((admitted.get() > 0 || !fanout.settled()) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        // Read once, so that the line names the state that made the wait end.
        int accepting = admitted.get();
        boolean settled = fanout.settled();
        if (accepting > 0 || !settled) {
            String unfinished = settled ? ""
                    : " and this node's own events had not all come back through the backplane";
            LOG.warnf("After %d s, %d publishes were still being accepted%s; closing the sockets anyway",
                    FINISH_TIMEOUT.toSeconds(), accepting, unfinished);
        }
        closeSockets();
    }

    /** Each close frame is queued behind the event frames already handed to its socket, which go out first. */
    private void closeSockets() {
        List<Uni<Void>> closes = registry.everyone().stream()
                .map(member -> member.connection().close(GOING_AWAY).onFailure().recoverWithNull())
                .toList();
        if (closes.isEmpty()) {
            return;
        }
        LOG.infof("Closing %d sockets with 1001 (going away)", closes.size());
        Uni.join().all(closes).andCollectFailures().onFailure().recoverWithNull()
                .ifNoItem().after(CLOSE_TIMEOUT).recoverWithItem(List.of()).await().indefinitely();
    }
}
