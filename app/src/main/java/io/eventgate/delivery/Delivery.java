package io.eventgate.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.eventgate.event.AcceptedEvent;
import io.eventgate.history.Offset;
import io.eventgate.socket.TextFrames;
import io.netty.buffer.ByteBuf;

/**
 * What travels from the node that accepted an event to the sockets of every node: the event's
 * identity and its frame, written once.
 *
 * @param id the event id of the 202 answer
 * @param event the event name
 * @param room the target room; empty for every socket
 * @param frame the {@code event} frame, as JSON text
 * @param encoded the frame as it goes on the wire (its WebSocket header and its UTF-8 text), once for
 *        all its sockets: each writes a duplicate of it, which nothing can release or change
 * @param frameBytes the length of the frame in UTF-8, which each socket's bound of pending bytes counts
 * @param acceptedAt when the accepting node took it, to time each delivery
 * @param seq its sequence number in the history, by which a socket that resumed drops what it had
 *        replayed; 0 where the fan-out keeps no history
 */
public record Delivery(String id, String event, Optional<String> room, String frame, ByteBuf encoded, int frameBytes,
        Instant acceptedAt, long seq) {

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(encoded, "encoded");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    public static Delivery of(String id, String event, Optional<String> room, String frame, Instant acceptedAt,
            long seq) {
        byte[] text = frame.getBytes(StandardCharsets.UTF_8);
        return new Delivery(id, event, room, frame, TextFrames.encode(text), text.length, acceptedAt, seq);
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
