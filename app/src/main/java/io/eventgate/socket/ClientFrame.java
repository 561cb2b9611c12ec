package io.eventgate.socket;


/**
 * Every frame a client may send (docs/protocol.md section 2).
 */
public sealed interface ClientFrame {

    /** Start getting the room's events. */
    record Join(String room) implements ClientFrame {
    }

    /** Stop getting the room's events; leaving a room never joined is fine. */
    record Leave(String room) implements ClientFrame {
    }

    /** A new token for the same subscriber, before the current one expires. */
    record Auth(String token) implements ClientFrame {
    }

    /** Is the server there? */
    record Ping() implements ClientFrame {
    }
}
