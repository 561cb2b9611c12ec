package io.eventgate.socket;

import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;

/**
 * An open connection with the event loop it lives on, and whether its welcome frame is out.
 * <p>
 * Until the welcome is out, a frame for this socket must be written from its own event loop: a
 * write from another thread is queued by Vert.x, and the welcome, written afterwards on the loop,
 * would be queued behind it and no longer be the first frame.
 */
public final class Member {

    private final WebSocketConnection connection;
    private final Context loop;
    private volatile boolean welcomed;

    /**
     * @param connection the socket
     * @param loop the root Vert.x context of the connection's event loop
     */
    Member(WebSocketConnection connection, Context loop) {
        this.connection = connection;
        this.loop = loop;
    }

    public WebSocketConnection connection() {
        return connection;
    }

    public Context loop() {
        return loop;
    }

    /** Whether the welcome frame has been written, so frames may be written from any thread. */
    public boolean welcomed() {
        return welcomed;
    }

    void markWelcomed() {
        welcomed = true;
    }
}
