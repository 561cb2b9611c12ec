package io.eventgate.delivery;

import java.util.Optional;

import io.eventgate.event.AcceptedEvent;
import io.eventgate.history.Offset;
import io.smallrye.mutiny.Uni;

/**
 * The seam between "an event was accepted" and "the sockets that should get it get it": on this
 * node only ({@code local}) or on every replica ({@code redis}).
 * <p>
 * Never blocks the caller, the event loop included. The returned {@link Uni} completes once the
 * event is on its way everywhere it can go, so that events published one after another keep
 * their order on every socket; it fails only when delivery was refused, and then nothing was
 * delivered.
 */
public interface Fanout {

    /**
     * @return the event's offset in the history (docs/protocol.md section 4); empty where the
     *         fan-out keeps no history
     */
    Uni<Optional<Offset>> publish(AcceptedEvent event);

    /**
     * Whether every event published here has been handed to this node's sockets (with a backplane,
     * an event comes back to its own node through it); a stopping node waits for this before it
     * closes its sockets.
     */
    default boolean settled() {
        return true;
    }
}
