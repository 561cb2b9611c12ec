package io.eventgate.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.eventgate.config.EventgateConfig;
import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.eventgate.metrics.EventgateMetrics;
import io.eventgate.socket.ClientFaults;
import io.eventgate.socket.Member;
import io.eventgate.socket.RoomRegistry;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/**
 * Delivers to the sockets of this node. The frame was written once per event, where it was accepted;
 * {@link LoopOutboxes} hands it to the target sockets on their event loops, several events to a
 * socket in one system call under load, in publishing order. Each node logs its own deliveries.
 */
@Singleton
public class SocketDelivery {

    private static final Logger LOG = Logger.getLogger(SocketDelivery.class);

    private final RoomRegistry registry;
    private final EventLogger deliveries;
    private final NodeIdentity node;
    private final EventgateMetrics metrics;
    private final LoopOutboxes outboxes;
    private final long maxPendingBytes;
    private final CloseReason slowConsumer;

    public SocketDelivery(RoomRegistry registry, @EventLoggerName("deliveries") EventLogger deliveries,
            NodeIdentity node, EventgateMetrics metrics, EventgateConfig config) {
        this.metrics = metrics;
        this.maxPendingBytes = config.socket().maxPendingBytes().asLongValue();
        this.slowConsumer = new CloseReason(1008, "slow consumer: more than " + maxPendingBytes
                + " bytes not taken (eventgate.socket.max-pending-bytes)");
        this.registry = registry;
        this.deliveries = deliveries;
        this.node = node;
        this.outboxes = new LoopOutboxes(() -> new FrameBatch(this));
    }

    /**
     * Hands the frame to every target socket of this node; the returned {@link Uni} completes once
     * every event loop has written it, which paces publishers to what the sockets take.
     */
    public Uni<Void> deliver(Delivery delivery) {
        Collection<Member> targets = delivery.room().map(registry::members).orElseGet(registry::everyone);
        if (targets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return outboxes.send(delivery, targets);
    }

    @PreDestroy
    void stop() {
        outboxes.stop();
    }

    /**
     * The frames a resumed socket held back while its replay was written, now in order after it.
     * Called on the socket's event loop.
     */
    public void release(Member member) {
        FrameBatch batch = new FrameBatch(this);
        member.release(delivery -> batch.add(delivery, member));
        batch.flush();
    }

    /**
     * Whether the socket is open to frames: not once its close frame has left or its connection is
     * closed. Asked once per socket in each task of its event loop: within the task, only
     * {@link #handOver} closes it, and then it refuses the rest of the task's frames itself.
     */
    boolean open(Member member) {
        if (!member.wire().open()) {
            LOG.tracef("No frames for %s: closed", member.connection().id());
            return false;
        }
        return true;
    }

    /**
     * Whether the open socket takes the frame: not when it holds more than its bound of frames not
     * yet written: then it is closed as a slow consumer, and no one waits for it. Called on the
     * socket's event loop.
     */
    boolean handOver(Delivery delivery, Member member) {
        WebSocketConnection connection = member.connection();
        switch (member.handOver(delivery.frameBytes(), maxPendingBytes)) {
            case ACCEPTED -> {
                return true;
            }
            case OVER_LIMIT -> {
                metrics.socketClosed("slow-consumer");
                ClientFaults.log("slow-consumer", "closed socket " + connection.id() + " with 1008: "
                        + slowConsumer.getMessage());
                connection.close(slowConsumer).subscribe().with(closed -> {
                }, failure -> LOG.debugf("Closing slow socket %s: %s", connection.id(), failure));
                return false;
            }
            default -> {
                LOG.tracef("Event %s not sent to %s: closing", delivery.id(), connection.id());
                return false;
            }
        }
    }

    /**
     * {@code events}, {@code bytes} in all, were written to the socket ({@code sent}) or will never
     * be; each written one is counted and logged.
     */
    void written(Member member, List<Delivery> events, long bytes, boolean sent) {
        member.written(bytes);
        if (!sent) {
            LOG.debugf("%d events not sent to %s", events.size(), member.connection().id());
            return;
        }
        String connection = member.connection().id();
        String sub = member.sub();
        Instant sentAt = Instant.now();
        metrics.delivered(events.size());
        for (Delivery event : events) {
            metrics.sent(event.acceptedAt(), sentAt);
            if (deliveries.isEnabled()) {
                deliveries.log(EventLogRecords.delivered(event, connection, sub, node.id(), sentAt));
            }
        }
    }
}
