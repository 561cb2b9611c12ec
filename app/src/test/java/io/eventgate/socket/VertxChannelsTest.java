package io.eventgate.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * What {@link VertxChannels} and {@link SocketWire} rely on in Vert.x, on a plain Vert.x server: a
 * handshake's connection gives its Netty channel, whose pipeline takes a {@link FrameGuard} before
 * Vert.x's connection handler; after the upgrade, the wire writes frames encoded by {@link TextFrames}
 * from the guard untouched (of every header length), in order with Vert.x's own frames, and flushes
 * them when asked, below Vert.x's handlers when none of them touches bytes (its idle-time handler still
 * counting them as writes) and through them when one does; and Vert.x's close frame passes the guard, which closes the wire to data frames
 * the moment it leaves. Fails when a Quarkus (Vert.x, Netty) upgrade changes any of it.
 */
class VertxChannelsTest {

    private Vertx vertx;
    private HttpServer server;
    private final CompletableFuture<SocketWire> wire = new CompletableFuture<>();
    private final CompletableFuture<ServerWebSocket> socket = new CompletableFuture<>();
    private final CompletableFuture<Context> loop = new CompletableFuture<>();
    private final CompletableFuture<Channel> channel = new CompletableFuture<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    /** Serves with Vert.x's defaults. */
    private void serve() throws Exception {
        serve(new HttpServerOptions(), connection -> {
        });
    }

    /** Serves with {@code options}; {@code before} sees each connection's channel before its upgrade. */
    private void serve(HttpServerOptions options, Consumer<Channel> before) throws Exception {
        // No frame here is refused, so the guard has nothing to count.
        FrameGuard.Settings settings = new FrameGuard.Settings(1_000, 1 << 20, "{}", null);
        server = vertx.createHttpServer(options).requestHandler(request -> {
            Channel connection = ((ConnectionBase) request.connection()).channel();
            before.accept(connection);
            VertxChannels.install(request, new FrameGuard(settings), 0);
            wire.complete(VertxChannels.wire(request));
            channel.complete(connection);
            request.toWebSocket().onSuccess(opened -> {
                loop.complete(Vertx.currentContext());
                socket.complete(opened);
            }).onFailure(socket::completeExceptionally);
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void framesWrittenOnTheWireInterleaveInOrderWithVertxFramesAndAreFlushedOnce() throws Exception {
        serve();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket client = connect(received);
        ServerWebSocket server = socket.get(10, TimeUnit.SECONDS);
        SocketWire onWire = wire.get(10, TimeUnit.SECONDS);
        CompletableFuture<Boolean> flushed = new CompletableFuture<>();
        List<String> texts = Stream.of(0, 125, 126, 65_535, 65_536, 200_000).map("x"::repeat).toList();
        server.writeTextMessage("welcome");
        loop.get(10, TimeUnit.SECONDS).runOnContext(task -> {
            assertThat(onWire.open()).isTrue();
            onWire.write(frame("first"));
            onWire.write(frame("second: \u00e9t\u00e9 \ud83d\ude80"));
            // Each length the header writes another way, on both sides of its bounds.
            for (String text : texts) {
                onWire.write(frame(text));
            }
            onWire.writeAndFlush(frame("third"), flushed::complete);
        });

        assertThat(flushed.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(List.of(next(received), next(received), next(received))).containsExactly("welcome", "first",
                "second: \u00e9t\u00e9 \ud83d\ude80");
        for (String text : texts) {
            assertThat(next(received)).isEqualTo(text);
        }
        assertThat(next(received)).isEqualTo("third");
        // Nothing Vert.x puts below the guard of a plain connection touches bytes: they skip its handlers.
        assertThat(onWire.toTransport()).isTrue();

        client.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> !onWire.open());
    }

    @Test
    void framesWrittenToTheTransportCountAsWritesForVertxIdleTimeout() throws Exception {
        serve(new HttpServerOptions().setIdleTimeout(1), connection -> {
        });
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        connect(received);
        socket.get(10, TimeUnit.SECONDS);
        SocketWire onWire = wire.get(10, TimeUnit.SECONDS);
        Context onLoop = loop.get(10, TimeUnit.SECONDS);
        // The client sends nothing: only the wire's frames keep the connection from being idle.
        int frames = 12;
        for (int i = 0; i < frames; i++) {
            String text = "frame " + i;
            onLoop.runOnContext(task -> onWire.writeAndFlush(frame(text), written -> {
            }));
            assertThat(next(received)).isEqualTo(text);
            TimeUnit.MILLISECONDS.sleep(250);
        }

        assertThat(onWire.toTransport()).isTrue();
        assertThat(channel.get(10, TimeUnit.SECONDS).isActive()).as("open after %d idle-timeouts", frames / 4).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !channel.get().isActive());
    }

    @Test
    void anOutboundHandlerBelowTheGuardSeesEveryFrameOfTheWire() throws Exception {
        List<ByteBuf> seen = new CopyOnWriteArrayList<>();
        serve(new HttpServerOptions(), connection -> connection.pipeline().addFirst("watcher",
                new ChannelOutboundHandlerAdapter() {
                    @Override
                    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
                        if (message instanceof ByteBuf bytes) {
                            seen.add(bytes);
                        }
                        ctx.write(message, promise);
                    }
                }));
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        connect(received);
        socket.get(10, TimeUnit.SECONDS);
        SocketWire onWire = wire.get(10, TimeUnit.SECONDS);
        CompletableFuture<Boolean> flushed = new CompletableFuture<>();
        ByteBuf frame = frame("watched");
        loop.get(10, TimeUnit.SECONDS).runOnContext(task -> onWire.writeAndFlush(frame, flushed::complete));

        assertThat(flushed.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(next(received)).isEqualTo("watched");
        assertThat(onWire.toTransport()).isFalse();
        assertThat(seen).contains(frame);
    }

    @Test
    void theWireTakesNoDataFrameOnceVertxHasWrittenItsCloseFrame() throws Exception {
        serve();
        connect(new LinkedBlockingQueue<>());
        ServerWebSocket server = socket.get(10, TimeUnit.SECONDS);
        SocketWire onWire = wire.get(10, TimeUnit.SECONDS);
        Channel connection = channel.get(10, TimeUnit.SECONDS);
        CompletableFuture<List<Boolean>> openBeforeAndAfter = new CompletableFuture<>();
        loop.get(10, TimeUnit.SECONDS).runOnContext(task -> {
            boolean before = onWire.open();
            server.close((short) 1001, "going away");
            // The connection itself stays open until the client answers the close.
            openBeforeAndAfter.complete(List.of(before, onWire.open(), connection.isActive()));
        });

        assertThat(openBeforeAndAfter.get(10, TimeUnit.SECONDS)).containsExactly(true, false, true);
    }

    private WebSocket connect(BlockingQueue<String> received) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.actualPort() + "/ws"), new WebSocket.Listener() {
                    private final StringBuilder message = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        message.append(data);
                        if (last) {
                            received.add(message.toString());
                            message.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    private static ByteBuf frame(String text) {
        return TextFrames.encode(text.getBytes(StandardCharsets.UTF_8)).duplicate();
    }

    private static String next(BlockingQueue<String> received) throws InterruptedException {
        String frame = received.poll(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(frame).as("a frame within 10 s").isNotNull();
        return frame;
    }
}
