package io.eventgate.socket;

import java.util.Optional;


/**
 * Every frame a client may send (docs/protocol.md section 2).
 */
public sealed interface ClientFrame {

    /** Start getting the room's events; after those missed since {@code since}, when given. */
    record Join(String room, Optional<String> since) implements ClientFrame {
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
