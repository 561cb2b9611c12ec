package io.eventgate.backplane;

import java.time.Instant;
import java.util.Optional;

import io.eventgate.delivery.Delivery;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A delivery as it crosses Redis, with the node it came from. The frame stays JSON text inside
 * it, so no node parses or writes the event's data again.
 *
 * @param origin the node that accepted the event
 * @param id the event id
 * @param event the event name
 * @param room the target room; {@code null} for every socket
 * @param frame the {@code event} frame
 * @param acceptedAt when the accepting node took it, in epoch milliseconds
 */
@RegisterForReflection
record BackplaneMessage(String origin, String id, String event, String room, String frame, long acceptedAt) {

    static BackplaneMessage of(String origin, Delivery delivery) {
        return new BackplaneMessage(origin, delivery.id(), delivery.event(), delivery.room().orElse(null),
                delivery.frame(), delivery.acceptedAt().toEpochMilli());
    }

    Delivery delivery() {
        return Delivery.of(id, event, Optional.ofNullable(room), frame, Instant.ofEpochMilli(acceptedAt), 0);
    }
}
