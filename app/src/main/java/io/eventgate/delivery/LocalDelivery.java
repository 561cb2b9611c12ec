package io.eventgate.delivery;

import java.util.Collection;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.eventgate.event.AcceptedEvent;
import io.eventgate.event.Timestamps;
import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.eventgate.metrics.EventgateMetrics;
import io.eventgate.socket.FrameWriter;
import io.eventgate.socket.Member;
import io.eventgate.socket.RoomRegistry;
import io.eventgate.socket.ServerFrame;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/**
 * Delivers to the sockets of this node. The frame is written once per event ({@link #prepare});
 * {@link SendRounds} hands it to the target sockets, several events to a socket in one system call
 * under load, in publishing order. Each node logs its own deliveries.
 */
@Singleton
public class LocalDelivery {

    private static final Logger LOG = Logger.getLogger(LocalDelivery.class);

    private final RoomRegistry registry;
    private final FrameWriter writer;
    private final EventLogger deliveries;
    private final NodeIdentity node;
    private final EventgateMetrics metrics;
    private final SendRounds rounds;

    public LocalDelivery(RoomRegistry registry, FrameWriter writer, @EventLoggerName("deliveries") EventLogger deliveries,
            NodeIdentity node, EventgateMetrics metrics) {
        this.metrics = metrics;
        this.registry = registry;
        this.writer = writer;
        this.deliveries = deliveries;
        this.node = node;
        this.rounds = new SendRounds(this::send);
    }

    /** The event as it travels: its frame written once, here, for every socket of every node. */
    public Delivery prepare(AcceptedEvent event) {
        String frame = writer.write(new ServerFrame.Event(event.id(), event.event(), event.room().orElse(null),
                event.data(), Timestamps.format(event.acceptedAt())));
        return new Delivery(event.id(), event.event(), event.room(), frame, event.acceptedAt());
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
        return rounds.send(delivery, targets);
    }

    @PreDestroy
    void stop() {
        rounds.stop();
    }

    /** A socket closed meanwhile fails the send, which is only logged at debug level. */
    private void send(Delivery delivery, WebSocketConnection connection) {
        connection.sendText(delivery.frame()).subscribe().with(
                sent -> {
                    metrics.delivered(delivery.acceptedAt());
                    if (deliveries.isEnabled()) {
                        deliveries.log(EventLogRecords.delivered(delivery, connection.id(), node.id()));
                    }
                },
                failure -> LOG.debugf("Event %s not sent to %s: %s", delivery.id(), connection.id(), failure));
    }
}
