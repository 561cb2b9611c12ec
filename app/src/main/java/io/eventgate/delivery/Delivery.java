package io.eventgate.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.eventgate.event.AcceptedEvent;
import io.eventgate.history.Offset;
import io.eventgate.json.StrictUtf8;

/**
 * What travels from the node that accepted an event to the sockets of every node: the event's
 * identity and its frame, written once.
 *
 * @param id the event id of the 202 answer
 * @param event the event name
 * @param room the target room; empty for every socket
 * @param frame the {@code event} frame, as JSON text
 * @param frameBytes the length of the frame in UTF-8, which each socket's bound of pending bytes counts
 * @param acceptedAt when the accepting node took it, to time each delivery
 * @param seq its sequence number in the history, by which a socket that resumed drops what it had
 *        replayed; 0 where the fan-out keeps no history
 */
public record Delivery(String id, String event, Optional<String> room, String frame, int frameBytes, Instant acceptedAt,
        long seq) {

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    public static Delivery of(String id, String event, Optional<String> room, String frame, Instant acceptedAt,
            long seq) {
        return new Delivery(id, event, room, frame, StrictUtf8.encodedLength(frame), acceptedAt, seq);
    }

    /** The delivery of an event numbered {@code offset} in the history. */
    public static Delivery numbered(AcceptedEvent event, Offset offset) {
        return of(event.id(), event.event(), event.room(), event.frame().close(Optional.of(offset.toString())),
                event.acceptedAt(), offset.seq());
    }

    /** The delivery of an event in no history (accepted while the Redis backplane was away). */
    public static Delivery unnumbered(AcceptedEvent event) {
        return of(event.id(), event.event(), event.room(), event.frame().close(Optional.empty()), event.acceptedAt(), 0);
    }
}
