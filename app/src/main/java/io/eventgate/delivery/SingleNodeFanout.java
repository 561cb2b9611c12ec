package io.eventgate.delivery;

import java.util.Optional;

import io.eventgate.event.AcceptedEvent;
import io.eventgate.history.LocalHistory;
import io.eventgate.history.Offset;
import io.smallrye.mutiny.Uni;

/**
 * The fan-out of a service that runs as one node ({@code eventgate.fanout=local}): the accepting
 * node's own sockets, at once, each event numbered and kept in the node's history on its way.
 */
public final class SingleNodeFanout implements Fanout {

    private final SocketDelivery local;
    private final LocalHistory history;

    public SingleNodeFanout(SocketDelivery local, LocalHistory history) {
        this.local = local;
        this.history = history;
    }

    @Override
    public Uni<Optional<Offset>> publish(AcceptedEvent event) {
        LocalHistory.Appended appended = history.append(event.room(), event.acceptedAt(),
                offset -> Delivery.numbered(event, offset), local::deliver);
        return appended.delivered().replaceWith(Optional.of(appended.offset()));
    }
}
