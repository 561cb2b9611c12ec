package io.eventgate.delivery;

import java.util.Collection;

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
 * {@link SendRounds} hands it to the target sockets, several events to a socket in one system call
 * under load, in publishing order. Each node logs its own deliveries.
 */
@Singleton
public class SocketDelivery {

    private static final Logger LOG = Logger.getLogger(SocketDelivery.class);

    private final RoomRegistry registry;
    private final EventLogger deliveries;
    private final NodeIdentity node;
    private final EventgateMetrics metrics;
    private final SendRounds rounds;
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
        this.rounds = new SendRounds(this::send);
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

    /** The frames a resumed socket held back while its replay was written, now in order after it. */
    public void release(Member member) {
        member.release(delivery -> send(delivery, member));
    }

    /**
     * Hands the frame to the socket unless it holds more than its bound of frames not yet written:
     * then it is closed as a slow consumer, and no one waits for it. A socket closed meanwhile fails
     * the send, which is only logged at debug level.
     */
    private void send(Delivery delivery, Member member) {
        if (!member.admit(delivery)) {
            return;
        }
        WebSocketConnection connection = member.connection();
        switch (member.handOver(delivery.frameBytes(), maxPendingBytes)) {
            case ACCEPTED -> connection.sendText(delivery.frame()).subscribe().with(
                    sent -> {
                        member.written(delivery.frameBytes());
                        metrics.delivered(delivery.acceptedAt());
                        if (deliveries.isEnabled()) {
                            deliveries.log(EventLogRecords.delivered(delivery, connection.id(), member.sub(), node.id()));
                        }
                    },
                    failure -> {
                        member.written(delivery.frameBytes());
                        LOG.debugf("Event %s not sent to %s: %s", delivery.id(), connection.id(), failure);
                    });
            case OVER_LIMIT -> {
                metrics.socketClosed("slow-consumer");
                ClientFaults.log("slow-consumer", "closed socket " + connection.id() + " with 1008: "
                        + slowConsumer.getMessage());
                connection.close(slowConsumer).subscribe().with(closed -> {
                }, failure -> LOG.debugf("Closing slow socket %s: %s", connection.id(), failure));
            }
            case CLOSING -> LOG.tracef("Event %s not sent to %s: closing", delivery.id(), connection.id());
        }
    }
}
