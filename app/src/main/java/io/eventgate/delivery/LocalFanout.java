package io.eventgate.delivery;

import java.util.Collection;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.eventgate.event.AcceptedEvent;
import io.eventgate.event.Timestamps;
import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.eventgate.socket.FrameWriter;
import io.eventgate.socket.RoomRegistry;
import io.eventgate.socket.ServerFrame;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * Delivers events to the sockets of this node: the frame is written once per event, then handed
 * to each target connection, whose event loop sends it. Writes are queued, never awaited, so the
 * caller's thread does not wait on any socket.
 */
@Singleton
public class LocalFanout implements Fanout {

    private static final Logger LOG = Logger.getLogger(LocalFanout.class);

    private final RoomRegistry registry;
    private final FrameWriter writer;
    private final EventLogger deliveries;

    public LocalFanout(RoomRegistry registry, FrameWriter writer, @EventLoggerName("deliveries") EventLogger deliveries) {
        this.registry = registry;
        this.writer = writer;
        this.deliveries = deliveries;
    }

    @Override
    public void publish(AcceptedEvent event) {
        Collection<WebSocketConnection> targets = event.room().map(registry::members).orElseGet(registry::everyone);
        if (targets.isEmpty()) {
            return;
        }
        String frame = writer.write(new ServerFrame.Event(event.id(), event.event(), event.room().orElse(null),
                event.data(), Timestamps.format(event.acceptedAt())));
        for (WebSocketConnection connection : targets) {
            if (connection.isOpen()) {
                connection.sendText(frame).subscribe().with(
                        sent -> deliveries.log(EventLogRecords.delivered(event, connection.id())),
                        failure -> LOG.debugf("Event %s not sent to %s: %s", event.id(), connection.id(), failure));
            }
        }
    }
}
