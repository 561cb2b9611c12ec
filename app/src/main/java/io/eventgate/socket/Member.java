package io.eventgate.socket;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.eventgate.subscribe.Subscriber;
import io.eventgate.subscribe.TokenExpiries;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;

/**
 * An open connection with the event loop it lives on, whether its welcome frame is out, and how
 * many bytes of frames it has been handed that are not yet written to it.
 * <p>
 * Until the welcome is out, a frame for this socket must be written from its own event loop: a
 * write from another thread is queued by Vert.x, and the welcome, written afterwards on the loop,
 * would be queued behind it and no longer be the first frame.
 */
public final class Member implements TokenExpiries.Expiring {

    /** What {@link #handOver} decided. */
    public enum HandOver {
        /** Write the frame. */
        ACCEPTED,
        /** The socket is over its bound of pending bytes: close it, once. */
        OVER_LIMIT,
        /** The socket is being closed: drop the frame. */
        CLOSING
    }

    private final WebSocketConnection connection;
    private final Context loop;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final CloseReason expired;
    private volatile Subscriber subscriber;
    private volatile boolean welcomed;
    private volatile boolean closing;

    /**
     * @param connection the socket
     * @param loop the root Vert.x context of the connection's event loop
     */
    Member(WebSocketConnection connection, Context loop, Subscriber subscriber, CloseReason expired) {
        this.connection = connection;
        this.loop = loop;
        this.subscriber = subscriber;
        this.expired = expired;
    }

    public WebSocketConnection connection() {
        return connection;
    }

    public Context loop() {
        return loop;
    }

    /** Who the socket is, by its token; {@code null} while subscriber auth is off. */
    public Subscriber subscriber() {
        return subscriber;
    }

    /** The socket's {@code sub}, for its delivery records; {@code null} while subscriber auth is off. */
    public String sub() {
        Subscriber current = subscriber;
        return current == null ? null : current.sub();
    }

    /** A refreshed token replaces the grant (docs/protocol.md section 6). */
    void subscriber(Subscriber refreshed) {
        subscriber = refreshed;
    }

    @Override
    public Instant expiresAt() {
        Subscriber current = subscriber;
        return current == null || connection.isClosed() ? Instant.MAX : current.expiresAt();
    }

    @Override
    public void expire() {
        ClientFaults.log("token-expired", "closed socket " + connection.id() + " with 1008: token expired");
        connection.close(expired).subscribe().with(closed -> {
        }, failure -> {
        });
    }

    /** Whether the welcome frame has been written, so frames may be written from any thread. */
    public boolean welcomed() {
        return welcomed;
    }

    void markWelcomed() {
        welcomed = true;
    }

    /**
     * Counts {@code bytes} as pending unless the socket already has more than {@code limit} pending:
     * then it is marked closing, and only the first caller to find it so is told to close it. A
     * socket may so hold its limit plus one frame.
     */
    public HandOver handOver(long bytes, long limit) {
        if (closing) {
            return HandOver.CLOSING;
        }
        if (pendingBytes.get() > limit) {
            synchronized (this) {
                if (closing) {
                    return HandOver.CLOSING;
                }
                closing = true;
            }
            return HandOver.OVER_LIMIT;
        }
        pendingBytes.addAndGet(bytes);
        return HandOver.ACCEPTED;
    }

    /** {@code bytes} handed over earlier are written, or will never be. */
    public void written(long bytes) {
        pendingBytes.addAndGet(-bytes);
    }
}
