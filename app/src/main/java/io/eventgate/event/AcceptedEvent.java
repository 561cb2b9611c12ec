package io.eventgate.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event the service accepted for delivery.
 *
 * @param id the identifier returned in the 202 answer and carried in every frame
 * @param event the event name
 * @param room the target room; empty for a broadcast to every socket
 * @param data the publisher's payload, unchanged; a JSON {@code null} when there was none
 * @param acceptedAt when the service accepted it, to the millisecond
 * @param frame its frame for the sockets, written once, here, for every socket of every node
 */
public record AcceptedEvent(String id, String event, Optional<String> room, JsonNode data, Instant acceptedAt,
        EventFrame frame) {

    public AcceptedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(frame, "frame");
    }
}
