package io.eventgate.publish;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.eventgate.delivery.EventPublisher;
import io.eventgate.event.Timestamps;
import io.eventgate.history.Offset;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The 202 answer to a publish.
 *
 * @param id the event's identifier, carried in every frame that delivers it
 * @param timestamp when the event was accepted, as in its frames
 * @param offset its place in the history, as in its frames; left out where none is kept
 */
@RegisterForReflection
public record PublishAccepted(String id, String timestamp, @JsonInclude(JsonInclude.Include.NON_NULL) String offset) {

    public static PublishAccepted of(EventPublisher.Published published) {
        return new PublishAccepted(published.event().id(), Timestamps.format(published.event().acceptedAt()),
                published.offset().map(Offset::toString).orElse(null));
    }
}
