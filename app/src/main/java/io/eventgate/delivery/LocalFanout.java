package io.eventgate.delivery;

import io.eventgate.event.AcceptedEvent;
import io.smallrye.mutiny.Uni;

/**
 * The fan-out of a single node: the accepting node's own sockets, at once.
 */
public final class LocalFanout implements Fanout {

    private final LocalDelivery local;

    public LocalFanout(LocalDelivery local) {
        this.local = local;
    }

    @Override
    public Uni<Void> publish(AcceptedEvent event) {
        return local.deliver(local.prepare(event));
    }
}
