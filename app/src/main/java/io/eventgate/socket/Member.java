package io.eventgate.socket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.eventgate.delivery.Delivery;
import io.eventgate.subscribe.Subscriber;
import io.eventgate.subscribe.TokenExpiries;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;

/**
 * An open connection with the event loop it lives on, the wire its deliveries are written to, and
 * how many bytes of frames it has been handed that are not yet written to it.
 * <p>
 * Deliveries are written on the socket's own event loop, like its welcome: the socket is registered
 * in the same loop task that writes the welcome, so no delivery can come before it.
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
    private final SocketWire wire;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final CloseReason expired;
    private volatile Subscriber subscriber;
    /** While a replay is being written, live deliveries wait in {@link #held}. Written under this member's lock. */
    private volatile boolean holding;
    /** Made when a delivery first waits: most sockets never resume. Under this member's lock. */
    private List<Delivery> held;
    /** Connected with {@code since}: any delivery numbered at most this was replayed or is older. */
    private volatile long resumedUpTo;
    /** Joined with {@code since}: the same, per room; replaced whole under this member's lock. */
    private volatile Map<String, Long> resumedRooms = Map.of();
    private volatile boolean closing;
    /**
     * The rooms the socket is in, replaced whole under this member's lock: an idle socket in a room or
     * two holds a tiny immutable set rather than a concurrent one.
     */
    private volatile Set<String> rooms = Set.of();
    /** Closed: it joins no room any more. Under this member's lock. */
    private boolean left;

    /**
     * @param connection the socket
     * @param loop the root Vert.x context of the connection's event loop
     * @param wire where its frames are written
     */
    Member(WebSocketConnection connection, Context loop, SocketWire wire, Subscriber subscriber, CloseReason expired) {
        this.connection = connection;
        this.loop = loop;
        this.wire = wire;
        this.subscriber = subscriber;
        this.expired = expired;
    }

    public WebSocketConnection connection() {
        return connection;
    }

    public Context loop() {
        return loop;
    }

    /** To be used on {@link #loop()} only. */
    public SocketWire wire() {
        return wire;
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

    /** Live deliveries wait from now on, until {@link #release}. */
    synchronized void hold() {
        holding = true;
    }

    /** Connected with {@code since}: deliveries numbered at most {@code upTo} are not for this socket. */
    void resumed(long upTo) {
        resumedUpTo = upTo;
    }

    /** Joined {@code room} with {@code since}: its deliveries numbered at most {@code upTo} are not for this socket. */
    synchronized void resumed(String room, long upTo) {
        Map<String, Long> more = new HashMap<>(resumedRooms);
        more.put(room, upTo);
        resumedRooms = Map.copyOf(more);
    }

    /** The rooms the socket is in now. */
    Set<String> rooms() {
        return rooms;
    }

    /**
     * Adds {@code room} unless the socket has closed, is in it already or is in {@code limit} rooms;
     * {@code joined} runs when it is added, under this member's lock, so that {@link #leaveAll} cannot
     * miss it.
     */
    synchronized RoomRegistry.JoinOutcome join(String room, int limit, Runnable joined) {
        if (left) {
            return RoomRegistry.JoinOutcome.CLOSED;
        }
        if (rooms.contains(room)) {
            return RoomRegistry.JoinOutcome.ALREADY_MEMBER;
        }
        if (rooms.size() >= limit) {
            return RoomRegistry.JoinOutcome.LIMIT_REACHED;
        }
        Set<String> more = new HashSet<>(rooms);
        more.add(room);
        rooms = Set.copyOf(more);
        joined.run();
        return RoomRegistry.JoinOutcome.JOINED;
    }

    /** Takes {@code room} out of the socket's rooms; {@code leaving} runs, under this member's lock, if it was in. */
    synchronized void leave(String room, Runnable leaving) {
        if (rooms.contains(room)) {
            Set<String> fewer = new HashSet<>(rooms);
            fewer.remove(room);
            rooms = Set.copyOf(fewer);
            leaving.run();
        }
    }

    /** The socket has closed: it leaves every room, each given to {@code leaving}, and joins none again. */
    synchronized void leaveAll(Consumer<String> leaving) {
        left = true;
        rooms.forEach(leaving);
        rooms = Set.of();
    }

    /**
     * Whether {@code delivery} is to be written now: not when a replay covered it, nor while a
     * replay is being written (it waits, and {@link #release} hands it over after).
     */
    public boolean admit(Delivery delivery) {
        long seq = delivery.seq();
        Map<String, Long> resumedIn = resumedRooms;
        if (seq > 0 && (seq <= resumedUpTo || !resumedIn.isEmpty() && resumedInRoom(resumedIn, delivery, seq))) {
            return false;
        }
        // Checked without the lock first: on the hot path a socket almost never holds.
        if (holding) {
            synchronized (this) {
                if (holding) {
                    if (held == null) {
                        held = new ArrayList<>();
                    }
                    held.add(delivery);
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean resumedInRoom(Map<String, Long> resumedIn, Delivery delivery, long seq) {
        if (delivery.room().isEmpty()) {
            return false;
        }
        Long upTo = resumedIn.get(delivery.room().get());
        return upTo != null && seq <= upTo;
    }

    /**
     * Ends the wait: {@code send} gets each delivery that waited, in order. Called on the socket's
     * own event loop once its replay is written, so that these frames follow the replay and precede
     * any written later from another thread.
     */
    public void release(Consumer<Delivery> send) {
        List<Delivery> waited;
        synchronized (this) {
            holding = false;
            waited = held;
            held = null;
        }
        if (waited != null) {
            waited.forEach(send);
        }
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
