package io.eventgate.delivery;

import io.eventgate.event.AcceptedEvent;
import io.smallrye.mutiny.Uni;

/**
 * The fan-out of a service that runs as one node ({@code eventgate.fanout=local}): the accepting
 * node's own sockets, at once.
 */
public final class SingleNodeFanout implements Fanout {

    private final SocketDelivery local;

    public SingleNodeFanout(SocketDelivery local) {
        this.local = local;
    }

    @Override
    public Uni<Void> publish(AcceptedEvent event) {
        return local.deliver(local.prepare(event));
    }
}
