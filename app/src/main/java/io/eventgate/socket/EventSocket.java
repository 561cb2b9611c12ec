package io.eventgate.socket;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.eventgate.config.EventgateConfig;
import io.eventgate.event.NameRules;
import io.eventgate.json.StrictUtf8;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * {@code /ws}: sockets join and leave rooms and receive events (docs/protocol.md section 2).
 * <p>
 * Every callback returns a {@link Uni}, so it runs on the connection's event loop: frames to one
 * connection are written in the order its callbacks and deliveries produce them.
 */
@WebSocket(path = "/ws")
public class EventSocket {

    private final RoomRegistry registry;
    private final ClientFrameParser parser;
    private final FrameWriter writer;
    private final long maxFrameSize;

    EventSocket(RoomRegistry registry, ClientFrameParser parser, FrameWriter writer, EventgateConfig config) {
        this.registry = registry;
        this.parser = parser;
        this.writer = writer;
        this.maxFrameSize = config.socket().maxFrameSize().asLongValue();
    }

    /**
     * Joins the rooms of {@code ?rooms=a,b} before the welcome, in this same event-loop task, so
     * no event published after the welcome can miss the socket.
     */
    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) {
        registry.open(connection, VertxContext.getRootContext(Vertx.currentContext()));
        List<ServerFrame> problems = new ArrayList<>();
        for (String room : requestedRooms(connection)) {
            NameRules.roomNameProblem(room).ifPresentOrElse(
                    problem -> problems.add(new ServerFrame.Error("Invalid room '" + room + "' in ?rooms: " + problem)),
                    () -> joinProblem(connection, room).ifPresent(problems::add));
        }
        Uni<Void> sent = send(connection, new ServerFrame.Welcome(connection.id()))
                .invoke(() -> registry.welcomed(connection));
        for (ServerFrame problem : problems) {
            sent = sent.chain(() -> send(connection, problem));
        }
        return sent;
    }

    @OnTextMessage
    public Uni<Void> onText(String message, WebSocketConnection connection) {
        return send(connection, answer(message, connection));
    }

    @OnBinaryMessage
    public Uni<Void> onBinary(Buffer message, WebSocketConnection connection) {
        return send(connection, new ServerFrame.Error("Binary frames are not supported; send JSON text frames"));
    }

    /**
     * A connection reset or another I/O failure is the client's or the network's doing, not the
     * server's: logged at INFO, rate-limited (docs/protocol.md section 2), never as an ERROR.
     */
    @OnError
    public Uni<Void> onError(IOException failure, WebSocketConnection connection) {
        ClientFaults.log("connection", "socket " + connection.id() + ": " + failure);
        return Uni.createFrom().voidItem();
    }

    @OnClose
    public Uni<Void> onClose(WebSocketConnection connection) {
        registry.close(connection);
        return Uni.createFrom().voidItem();
    }

    private ServerFrame answer(String message, WebSocketConnection connection) {
        // Each char is one to three bytes of UTF-8; the exact length is needed only near the limit.
        long size = message.length() * 3L <= maxFrameSize ? message.length() : StrictUtf8.encodedLength(message);
        if (size > maxFrameSize) {
            return new ServerFrame.Error("Message of " + size + " bytes is over the limit of " + maxFrameSize
                    + " bytes (eventgate.socket.max-frame-size)");
        }
        ClientFrame frame;
        try {
            frame = parser.parse(message);
        } catch (FrameException e) {
            return new ServerFrame.Error(e.getMessage());
        }
        if (frame instanceof ClientFrame.Join join) {
            return joinProblem(connection, join.room()).orElseGet(() -> new ServerFrame.Joined(join.room()));
        }
        if (frame instanceof ClientFrame.Leave leave) {
            registry.leave(connection, leave.room());
            return new ServerFrame.Left(leave.room());
        }
        // Of the sealed family, only a ping is left.
        return new ServerFrame.Pong();
    }

    private Optional<ServerFrame> joinProblem(WebSocketConnection connection, String room) {
        return switch (registry.join(connection, room)) {
            case JOINED, ALREADY_MEMBER, CLOSED -> Optional.empty();
            case LIMIT_REACHED -> Optional.of(new ServerFrame.Error("Cannot join '" + room
                    + "': the limit of rooms per connection is reached (eventgate.socket.max-rooms-per-connection)"));
        };
    }

    private Uni<Void> send(WebSocketConnection connection, ServerFrame frame) {
        return connection.sendText(writer.write(frame));
    }

    /** The room names of {@code ?rooms=a,b}, also repeated as {@code ?rooms=a&rooms=b}. */
    private static Set<String> requestedRooms(WebSocketConnection connection) {
        String query = connection.handshakeRequest().query();
        Set<String> rooms = new LinkedHashSet<>();
        if (query == null || query.isEmpty()) {
            return rooms;
        }
        List<String> values = new QueryStringDecoder(query, false).parameters().getOrDefault("rooms", List.of());
        for (String value : values) {
            // "?rooms=" with nothing after it asks for no room; an empty name between commas is an error.
            if (!value.isEmpty()) {
                rooms.addAll(List.of(value.split(",", -1)));
            }
        }
        return rooms;
    }
}
