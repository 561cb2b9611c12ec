package io.eventgate.socket;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.inject.Singleton;

import io.quarkus.websockets.next.WebSocketConnection;

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
        LIMIT_REACHED
    }

    private final ConcurrentMap<String, WebSocketConnection> connections = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<WebSocketConnection>> members = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<String>> roomsOf = new ConcurrentHashMap<>();
    private final int maxRoomsPerConnection;

    RoomRegistry(SocketConfig config) {
        this.maxRoomsPerConnection = config.maxRoomsPerConnection();
    }

    /** Makes the connection a target of broadcasts. */
    void open(WebSocketConnection connection) {
        connections.put(connection.id(), connection);
        roomsOf.put(connection.id(), ConcurrentHashMap.newKeySet());
    }

    JoinOutcome join(WebSocketConnection connection, String room) {
        Set<String> rooms = roomsOf.get(connection.id());
        if (rooms == null) {
            // Closed while the join was on its way.
            return JoinOutcome.ALREADY_MEMBER;
        }
        if (rooms.contains(room)) {
            return JoinOutcome.ALREADY_MEMBER;
        }
        if (rooms.size() >= maxRoomsPerConnection) {
            return JoinOutcome.LIMIT_REACHED;
        }
        rooms.add(room);
        members.compute(room, (name, sockets) -> {
            Set<WebSocketConnection> joined = sockets == null ? ConcurrentHashMap.newKeySet() : sockets;
            joined.add(connection);
            return joined;
        });
        return JoinOutcome.JOINED;
    }

    void leave(WebSocketConnection connection, String room) {
        Set<String> rooms = roomsOf.get(connection.id());
        if (rooms != null && rooms.remove(room)) {
            removeMember(room, connection);
        }
    }

    /** Forgets the connection and takes it out of every room. */
    void close(WebSocketConnection connection) {
        connections.remove(connection.id());
        Set<String> rooms = roomsOf.remove(connection.id());
        if (rooms != null) {
            rooms.forEach(room -> removeMember(room, connection));
        }
    }

    /** The connections in {@code room} now. */
    public Collection<WebSocketConnection> members(String room) {
        Set<WebSocketConnection> sockets = members.get(room);
        return sockets == null ? List.of() : sockets;
    }

    /** Every open connection of this node. */
    public Collection<WebSocketConnection> everyone() {
        return connections.values();
    }

    /** How many rooms have at least one member. */
    public int roomCount() {
        return members.size();
    }

    private void removeMember(String room, WebSocketConnection connection) {
        members.computeIfPresent(room, (name, sockets) -> {
            sockets.remove(connection);
            return sockets.isEmpty() ? null : sockets;
        });
    }
}
