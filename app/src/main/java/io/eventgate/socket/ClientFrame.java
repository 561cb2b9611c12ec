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

    /** Is the server there? */
    record Ping() implements ClientFrame {
    }
}
