package io.eventgate.delivery;

import io.eventgate.event.AcceptedEvent;

/**
 * The seam between "an event was accepted" and "the sockets that should get it get it".
 * <p>
 * Implementations return at once on any thread, the event loop included, and keep the order of
 * events handed to them one after another.
 */
public interface Fanout {

    void publish(AcceptedEvent event);
}
