package io.eventgate.event;

import java.util.Optional;

/**
 * An event's {@code event} frame, written once where the event was accepted, but for its offset
 * (the frame's last field) and closing brace: the offset is given where the event is numbered,
 * which may be in Redis ({@code append.lua} closes the frame the same way as {@link #close}).
 *
 * @param opening the frame as JSON text, without its closing brace
 */
public record EventFrame(String opening) {

    /** The frame of a written {@code event} frame that has no offset. */
    public static EventFrame of(String written) {
        if (!written.endsWith("}")) {
            throw new IllegalArgumentException("Not a JSON object: " + written);
        }
        return new EventFrame(written.substring(0, written.length() - 1));
    }

    /** The whole frame, with its offset when it has one. */
    public String close(Optional<String> offset) {
        return offset.map(numbered -> opening + ",\"offset\":\"" + numbered + "\"}").orElse(opening + "}");
    }
}
