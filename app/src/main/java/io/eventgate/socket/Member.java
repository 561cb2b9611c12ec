package io.eventgate.socket;

import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;

/**
 * An open connection with the event loop it lives on, so that a delivery can hand each loop one
 * task for all of its connections.
 *
 * @param connection the socket
 * @param loop the root Vert.x context of the connection's event loop
 */
public record Member(WebSocketConnection connection, Context loop) {
}
