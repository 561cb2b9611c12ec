package io.eventgate.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import io.vertx.core.Context;

/**
 * Delivers to the sockets of this node. The frame is written once per event ({@link #prepare});
 * then each event loop that has target sockets gets one task that sends it to them. So a
 * broadcast is spread over every core, the caller's thread only queues a task per loop, and
 * frames of events delivered one after another keep their order on each socket (a loop runs its
 * tasks in order). Each node logs its own deliveries.
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

    /**
     * Hands the frame to every target socket of this node; the returned {@link Uni} completes once
     * every event loop has done so, which paces publishers to what the sockets take.
     */
    public Uni<Void> deliver(Delivery delivery) {
        Collection<Member> targets = delivery.room().map(registry::members).orElseGet(registry::everyone);
        if (targets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<Context, List<WebSocketConnection>> byLoop = new HashMap<>();
        for (Member member : targets) {
            byLoop.computeIfAbsent(member.loop(), loop -> new ArrayList<>()).add(member.connection());
        }
        List<Uni<Void>> loops = byLoop.entrySet().stream()
                .map(loop -> Uni.createFrom().<Void> emitter(done -> loop.getKey().runOnContext(ignored -> {
                    send(delivery, loop.getValue());
                    done.complete(null);
                })))
                .toList();
        return loops.size() == 1 ? loops.get(0) : Uni.join().all(loops).andFailFast().replaceWithVoid();
    }

    private void send(Delivery delivery, List<WebSocketConnection> connections) {
        for (WebSocketConnection connection : connections) {
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
