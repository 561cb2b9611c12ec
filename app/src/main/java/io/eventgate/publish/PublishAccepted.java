package io.eventgate.publish;

import io.eventgate.event.AcceptedEvent;
import io.eventgate.event.Timestamps;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The 202 answer to a publish.
 *
 * @param id the event's identifier, carried in every frame that delivers it
 * @param timestamp when the event was accepted, as in its frames
 */
@RegisterForReflection
public record PublishAccepted(String id, String timestamp) {

    public static PublishAccepted of(AcceptedEvent event) {
        return new PublishAccepted(event.id(), Timestamps.format(event.acceptedAt()));
    }
}
