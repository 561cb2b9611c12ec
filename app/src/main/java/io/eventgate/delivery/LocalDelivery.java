package io.eventgate.delivery;

import java.util.Collection;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.eventgate.event.AcceptedEvent;
import io.eventgate.event.Timestamps;
import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.eventgate.metrics.EventgateMetrics;
import io.eventgate.socket.FrameWriter;
import io.eventgate.socket.RoomRegistry;
import io.eventgate.socket.ServerFrame;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * Delivers to the sockets of this node. The frame is written once per event ({@link #prepare}),
 * then handed to each target connection, whose event loop sends it; writes are queued, never
 * awaited, so the caller's thread does not wait on any socket. Each node logs its own deliveries.
 */
@Singleton
public class LocalDelivery {

    private static final Logger LOG = Logger.getLogger(LocalDelivery.class);

    private final RoomRegistry registry;
    private final FrameWriter writer;
    private final EventLogger deliveries;
    private final NodeIdentity node;
    private final EventgateMetrics metrics;

    public LocalDelivery(RoomRegistry registry, FrameWriter writer, @EventLoggerName("deliveries") EventLogger deliveries,
            NodeIdentity node, EventgateMetrics metrics) {
        this.metrics = metrics;
        this.registry = registry;
        this.writer = writer;
        this.deliveries = deliveries;
        this.node = node;
    }

    /** The event as it travels: its frame written once, here, for every socket of every node. */
    public Delivery prepare(AcceptedEvent event) {
        String frame = writer.write(new ServerFrame.Event(event.id(), event.event(), event.room().orElse(null),
                event.data(), Timestamps.format(event.acceptedAt())));
        return new Delivery(event.id(), event.event(), event.room(), frame, event.acceptedAt());
    }

    public void deliver(Delivery delivery) {
        Collection<WebSocketConnection> targets = delivery.room().map(registry::members).orElseGet(registry::everyone);
        for (WebSocketConnection connection : targets) {
            if (connection.isOpen()) {
                connection.sendText(delivery.frame()).subscribe().with(
                        sent -> {
                            metrics.delivered(delivery.acceptedAt());
                            deliveries.log(EventLogRecords.delivered(delivery, connection.id(), node.id()));
                        },
                        failure -> LOG.debugf("Event %s not sent to %s: %s", delivery.id(), connection.id(), failure));
            }
        }
    }
}
