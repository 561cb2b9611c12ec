package io.eventgate.socket;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.eventgate.config.EventgateConfig;
import io.eventgate.delivery.SocketDelivery;
import io.eventgate.event.NameRules;
import io.eventgate.history.History;
import io.eventgate.history.Replay;
import io.eventgate.json.StrictUtf8;
import io.eventgate.subscribe.InvalidTokenException;
import io.eventgate.subscribe.RoomAccess;
import io.eventgate.subscribe.Subscriber;
import io.eventgate.subscribe.SubscriberTokens;
import io.eventgate.subscribe.TokenExpiries;
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
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
    private final RoomAccess access;
    private final SubscriberTokens tokens;
    private final TokenExpiries expiries;
    private final SocketDelivery delivery;
    private final History history;
    private final long maxFrameSize;

    EventSocket(RoomRegistry registry, ClientFrameParser parser, FrameWriter writer, RoomAccess access,
            SubscriberTokens tokens, TokenExpiries expiries, SocketDelivery delivery, History history,
            EventgateConfig config) {
        this.registry = registry;
        this.parser = parser;
        this.writer = writer;
        this.access = access;
        this.tokens = tokens;
        this.expiries = expiries;
        this.delivery = delivery;
        this.history = history;
        this.maxFrameSize = config.socket().maxFrameSize().asLongValue();
    }

    /**
     * Joins the rooms of {@code ?rooms=a,b} before the welcome, in this same event-loop task, so
     * no event published after the welcome can miss the socket. With {@code ?since=}, the missed
     * events of those rooms and the missed broadcasts follow the welcome, then the live ones
     * (docs/protocol.md section 4).
     */
    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) {
        Subscriber subscriber = connection.userData().get(HandshakeHandOver.SUBSCRIBER);
        Map<String, List<String>> query = queryParameters(connection);
        Optional<String> since = query.getOrDefault("since", List.of()).stream().filter(value -> !value.isEmpty())
                .findFirst();
        SocketWire wire = connection.userData().get(HandshakeHandOver.WIRE);
        wire.opened();
        Member member = registry.open(connection, VertxContext.getRootContext(Vertx.currentContext()), wire, subscriber,
                since.isPresent());
        if (subscriber != null) {
            expiries.watch(subscriber.expiresAt(), member);
        }
        List<ServerFrame> problems = new ArrayList<>();
        Set<String> joined = new LinkedHashSet<>();
        Runnable join = () -> {
            for (String room : requestedRooms(query)) {
                NameRules.roomNameProblem(room).ifPresentOrElse(
                        problem -> problems.add(new ServerFrame.Error("Invalid room '" + room + "' in ?rooms: " + problem)),
                        () -> joinProblem(connection, room).ifPresentOrElse(problems::add, () -> joined.add(room)));
            }
        };
        if (since.isEmpty()) {
            join.run();
            Uni<Void> sent = send(connection, new ServerFrame.Welcome(connection.id(), member.sub(), null));
            return sendAll(sent, connection, encode(problems));
        }
        return onLoop(history.replay(since.get(), joined, true, join), member).chain(replay -> {
            member.resumed(replay.upTo());
            Uni<Void> sent = send(connection, new ServerFrame.Welcome(connection.id(), member.sub(), replay.recovered()));
            List<String> after = new ArrayList<>(encode(problems));
            after.addAll(replay.frames());
            return sendAll(sent, connection, after).invoke(() -> delivery.release(member));
        });
    }

    /** The rest of a socket's work goes on on its own loop, where its joins and leaves run. */
    private static <T> Uni<T> onLoop(Uni<T> work, Member member) {
        return work.emitOn(task -> member.loop().runOnContext(ignored -> task.run()));
    }

    @OnTextMessage
    public Uni<Void> onText(String message, WebSocketConnection connection) {
        return answer(message, connection)
                .chain(reply -> sendAll(Uni.createFrom().voidItem(), connection, reply.frames()).invoke(reply.after()));
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

    /** What answers a client frame, as written frames, and what to do once they are written. */
    private record Reply(List<String> frames, Runnable after) {

        static final Runnable NOTHING = () -> {
        };
    }

    private Reply reply(List<ServerFrame> frames) {
        return new Reply(encode(frames), Reply.NOTHING);
    }

    private static Uni<Reply> now(Reply reply) {
        return Uni.createFrom().item(reply);
    }

    private Uni<Reply> answer(String message, WebSocketConnection connection) {
        // Each char is one to three bytes of UTF-8; the exact length is needed only near the limit.
        long size = message.length() * 3L <= maxFrameSize ? message.length() : StrictUtf8.encodedLength(message);
        if (size > maxFrameSize) {
            return now(reply(List.of(new ServerFrame.Error("Message of " + size + " bytes is over the limit of "
                    + maxFrameSize + " bytes (eventgate.socket.max-frame-size)"))));
        }
        ClientFrame frame;
        try {
            frame = parser.parse(message);
        } catch (FrameException e) {
            return now(reply(List.of(new ServerFrame.Error(e.getMessage()))));
        }
        if (frame instanceof ClientFrame.Join join) {
            return join.since().isPresent() ? resumeRoom(connection, join.room(), join.since().get())
                    : now(reply(List.of(joinProblem(connection, join.room())
                            .orElseGet(() -> new ServerFrame.Joined(join.room(), null)))));
        }
        if (frame instanceof ClientFrame.Leave leave) {
            registry.leave(connection, leave.room());
            return now(reply(List.of(new ServerFrame.Left(leave.room()))));
        }
        if (frame instanceof ClientFrame.Auth auth) {
            return refresh(connection, auth.token()).map(this::reply);
        }
        // Of the sealed family, only a ping is left.
        return now(reply(List.of(new ServerFrame.Pong())));
    }

    /**
     * A join with {@code since}: the room's missed events after {@code joined}, then its live ones;
     * the socket's other deliveries wait meanwhile, so that its frames stay in offset order.
     */
    private Uni<Reply> resumeRoom(WebSocketConnection connection, String room, String since) {
        Optional<Member> found = registry.member(connection);
        if (found.isEmpty()) {
            return now(new Reply(List.of(), Reply.NOTHING));
        }
        Member member = found.get();
        member.hold();
        List<ServerFrame> problem = new ArrayList<>();
        Uni<Replay> replay = history.replay(since, List.of(room), false,
                () -> joinProblem(connection, room).ifPresent(problem::add));
        if (!problem.isEmpty()) {
            delivery.release(member);
            return now(reply(problem));
        }
        return onLoop(replay, member).map(replayed -> {
            member.resumed(room, replayed.upTo());
            List<String> frames = new ArrayList<>();
            frames.add(writer.write(new ServerFrame.Joined(room, replayed.recovered())));
            frames.addAll(replayed.frames());
            return new Reply(frames, () -> delivery.release(member));
        });
    }


    /**
     * Replaces the socket's grant with that of a new token for the same {@code sub}, and leaves the
     * rooms it no longer grants, each with a {@code left} frame. A token that does not qualify
     * changes nothing.
     */
    private Uni<List<ServerFrame>> refresh(WebSocketConnection connection, String token) {
        Optional<Member> found = registry.member(connection);
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Member member = found.get();
        if (!access.required() || member.subscriber() == null) {
            return Uni.createFrom().item(List.of(new ServerFrame.Error("Subscriber auth is off "
                    + "(eventgate.subscribe.auth=off): no token is needed")));
        }
        if (!tokens.mayBlock()) {
            return Uni.createFrom().item(refreshed(connection, member, token));
        }
        // Back on the socket's own loop for the rest: joins and leaves run there.
        return Uni.createFrom().item(() -> refreshed(connection, member, token))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(task -> member.loop().runOnContext(ignored -> task.run()));
    }

    /** The answer to a refresh, once the new token is verified (which may wait: see {@link #refresh}). */
    private List<ServerFrame> refreshed(WebSocketConnection connection, Member member, String token) {
        Subscriber refreshed;
        try {
            refreshed = tokens.verify(token);
        } catch (InvalidTokenException e) {
            return List.of(new ServerFrame.Error(e.getMessage() + "; the current token stands"));
        }
        if (!refreshed.sub().equals(member.sub())) {
            return List.of(new ServerFrame.Error("The token is for another subscriber ('" + refreshed.sub()
                    + "'); the current token stands"));
        }
        member.subscriber(refreshed);
        expiries.watch(refreshed.expiresAt(), member);
        List<ServerFrame> answers = new ArrayList<>();
        answers.add(new ServerFrame.Authenticated(refreshed.expiresAt().toString()));
        for (String room : registry.roomsOf(connection)) {
            if (!access.allows(refreshed, room)) {
                registry.leave(connection, room);
                answers.add(new ServerFrame.Left(room));
            }
        }
        return answers;
    }


    private Optional<ServerFrame> joinProblem(WebSocketConnection connection, String room) {
        Optional<Member> member = registry.member(connection);
        if (member.isPresent() && !access.allows(member.get().subscriber(), room)) {
            return Optional.of(new ServerFrame.Error("not allowed to join room '" + room + "'"));
        }
        return switch (registry.join(connection, room)) {
            case JOINED, ALREADY_MEMBER, CLOSED -> Optional.empty();
            case LIMIT_REACHED -> Optional.of(new ServerFrame.Error("Cannot join '" + room
                    + "': the limit of rooms per connection is reached (eventgate.socket.max-rooms-per-connection)"));
        };
    }

    private Uni<Void> send(WebSocketConnection connection, ServerFrame frame) {
        return connection.sendText(writer.write(frame));
    }

    /** Sends the written {@code frames} after {@code first}, one after another. */
    private Uni<Void> sendAll(Uni<Void> first, WebSocketConnection connection, List<String> frames) {
        Uni<Void> sent = first;
        for (String frame : frames) {
            sent = sent.chain(() -> connection.sendText(frame));
        }
        return sent;
    }

    private List<String> encode(List<ServerFrame> frames) {
        return frames.stream().map(writer::write).toList();
    }

    /** The handshake's query parameters, decoded once. */
    private static Map<String, List<String>> queryParameters(WebSocketConnection connection) {
        String query = connection.handshakeRequest().query();
        return query == null || query.isEmpty() ? Map.of() : new QueryStringDecoder(query, false).parameters();
    }

    /** The room names of {@code ?rooms=a,b}, also repeated as {@code ?rooms=a&rooms=b}. */
    private static Set<String> requestedRooms(Map<String, List<String>> query) {
        Set<String> rooms = new LinkedHashSet<>();
        for (String value : query.getOrDefault("rooms", List.of())) {
            // "?rooms=" with nothing after it asks for no room; an empty name between commas is an error.
            if (!value.isEmpty()) {
                rooms.addAll(List.of(value.split(",", -1)));
            }
        }
        return rooms;
    }
}
