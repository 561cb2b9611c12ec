package io.eventgate.socket;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.inject.Singleton;

import io.eventgate.config.EventgateConfig;
import io.eventgate.subscribe.Subscriber;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;

/**
 * The open connections of this node and the rooms they are in.
 * <p>
 * Joins and leaves run on the connection's own event loop; lookups run on any thread and see a
 * weakly consistent view. An empty room is removed, and a closed connection leaves every room,
 * so the registry holds nothing for sockets that are gone.
 */
@Singleton
public class RoomRegistry {

    /** What a join did. */
    public enum JoinOutcome {
        JOINED,
        ALREADY_MEMBER,
        /** The connection closed while its join was on its way: nothing to answer. */
        CLOSED,
        LIMIT_REACHED
    }

    private final ConcurrentMap<String, Member> connections = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<Member>> members = new ConcurrentHashMap<>();
    private final int maxRoomsPerConnection;
    private final CloseReason expired = new CloseReason(1008, "token expired");

    RoomRegistry(EventgateConfig config) {
        this.maxRoomsPerConnection = config.socket().maxRoomsPerConnection();
    }

    /**
     * Makes the connection, living on the event loop of {@code loop} and written to through
     * {@code wire}, a target of broadcasts.
     *
     * @param subscriber who the socket is by its token; {@code null} while subscriber auth is off
     * @param holding whether deliveries wait from the start (a socket that resumes)
     */
    Member open(WebSocketConnection connection, Context loop, SocketWire wire, Subscriber subscriber,
            boolean holding) {
        Member member = new Member(connection, loop, wire, subscriber, expired);
        if (holding) {
            member.hold();
        }
        connections.put(connection.id(), member);
        return member;
    }

    /** The open connection's member; empty once it is closed. */
    Optional<Member> member(WebSocketConnection connection) {
        return Optional.ofNullable(connections.get(connection.id()));
    }

    /** The rooms the connection is in now. */
    Set<String> roomsOf(WebSocketConnection connection) {
        Member member = connections.get(connection.id());
        return member == null ? Set.of() : member.rooms();
    }

    JoinOutcome join(WebSocketConnection connection, String room) {
        Member member = connections.get(connection.id());
        if (member == null) {
            return JoinOutcome.CLOSED;
        }
        return member.join(room, maxRoomsPerConnection, () -> members.compute(room, (name, sockets) -> {
            Set<Member> joined = sockets == null ? ConcurrentHashMap.newKeySet() : sockets;
            joined.add(member);
            return joined;
        }));
    }

    void leave(WebSocketConnection connection, String room) {
        Member member = connections.get(connection.id());
        if (member != null) {
            member.leave(room, () -> removeMember(room, member));
        }
    }

    /** Forgets the connection and takes it out of every room. */
    void close(WebSocketConnection connection) {
        Member member = connections.remove(connection.id());
        if (member != null) {
            member.leaveAll(room -> removeMember(room, member));
        }
    }

    /** The connections in {@code room} now. */
    public Collection<Member> members(String room) {
        Set<Member> sockets = members.get(room);
        return sockets == null ? List.of() : sockets;
    }

    /** Every open connection of this node. */
    public Collection<Member> everyone() {
        return connections.values();
    }

    /** How many connections are open. */
    public int size() {
        return connections.size();
    }

    /** How many rooms have at least one member. */
    public int roomCount() {
        return members.size();
    }

    private void removeMember(String room, Member member) {
        members.computeIfPresent(room, (name, sockets) -> {
            sockets.remove(member);
            return sockets.isEmpty() ? null : sockets;
        });
    }
}
