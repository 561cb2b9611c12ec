package io.eventgate.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

import jakarta.inject.Singleton;

import io.eventgate.socket.RoomRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The service's own meters at {@code /q/metrics}: events accepted and rejected (by reason), frames
 * delivered, open sockets and rooms, the time from accepting an event to sending its frame, and
 * what each limit refused or closed.
 */
@Singleton
public class EventgateMetrics {

    private final MeterRegistry registry;
    private final Counter accepted;
    /**
     * Counted here and read by the registry when scraped: it is added to by every socket flush, and a
     * counter of the (composite) registry walks its child registries at each increment.
     */
    private final LongAdder delivered = new LongAdder();
    private final Timer publishToSend;

    public EventgateMetrics(MeterRegistry registry, RoomRegistry rooms) {
        this.registry = registry;
        this.accepted = Counter.builder("eventgate.events.accepted").description("Events accepted (202)")
                .register(registry);
        FunctionCounter.builder("eventgate.frames.delivered", delivered, LongAdder::sum)
                .description("Event frames sent to a socket of this node").register(registry);
        this.publishToSend = Timer.builder("eventgate.delivery.latency")
                .description("From accepting an event to sending its frame to a socket")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("eventgate.sockets.open", rooms, RoomRegistry::size)
                .description("Open sockets of this node").register(registry);
        Gauge.builder("eventgate.rooms", rooms, RoomRegistry::roomCount)
                .description("Rooms with at least one socket of this node").register(registry);
    }

    public void accepted() {
        accepted.increment();
    }

    /** A publish repeated under its Idempotency-Key, answered without a second delivery. */
    public void repeated() {
        Counter.builder("eventgate.events.repeated").description("Publishes repeated under their Idempotency-Key")
                .register(registry).increment();
    }

    /** An event delivered on this node only: the Redis backplane was away or did not answer in time. */
    public void unnumbered() {
        Counter.builder("eventgate.events.unnumbered")
                .description("Events accepted while the Redis backplane was away: delivered on this node only, in no history")
                .register(registry).increment();
    }

    /** A publish refused with {@code status}, for {@code reason} (a short, bounded word). */
    public void rejected(int status, String reason) {
        Counter.builder("eventgate.events.rejected").description("Publishes refused, by status and reason")
                .tag("status", Integer.toString(status)).tag("reason", reason).register(registry).increment();
    }

    /** The server closed a socket for {@code reason} (a short, bounded word such as {@code slow-consumer}). */
    public void socketClosed(String reason) {
        Counter.builder("eventgate.sockets.closed").description("Sockets the server closed, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    /** A handshake refused for {@code reason}, such as {@code max-connections}. */
    public void socketRefused(String reason) {
        Counter.builder("eventgate.sockets.refused").description("WebSocket handshakes refused, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    /** A client frame not processed for {@code reason}, such as {@code inbound-rate}. */
    public void frameRefused(String reason) {
        Counter.builder("eventgate.socket.frames.refused").description("Client frames not processed, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    /** {@code frames} event frames were sent to one socket. */
    public void delivered(int frames) {
        delivered.add(frames);
    }

    /** The frame of an event accepted at {@code acceptedAt} was sent to a socket at {@code sentAt}. */
    public void sent(Instant acceptedAt, Instant sentAt) {
        publishToSend.record(Duration.between(acceptedAt, sentAt));
    }
}
