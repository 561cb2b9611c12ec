package io.eventgate.socket;

import java.util.Optional;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.VoidChannelPromise;
import io.vertx.core.MultiMap;

/**
 * Writes frames encoded by {@link TextFrames} to one socket's Netty channel below where Vert.x
 * writes its frames (below the socket's {@link FrameGuard}, just before Vert.x's connection
 * handler; how far below, {@link FrameOutlet} chooses once the upgrade is done), so that many
 * frames can be written and then flushed once. websockets-next's {@code sendText} flushes every
 * frame, and creates a {@code Uni}, a promise, a {@code String}-to-bytes copy and an encoded copy per
 * socket; the delivery path uses this instead, with one buffer per event shared by every socket.
 * Used on the socket's event loop only, where websockets-next writes its own frames, so their order
 * and ours is the order of the loop's tasks.
 */
public final class SocketWire {

    private final Channel channel;
    private final ChannelHandlerContext guardContext;
    private final FrameGuard guard;
    /** Frames flushed with a later frame are not watched one by one: a failure fails that one too. */
    private final ChannelPromise unwatched;
    /** Chosen at the first frame after the upgrade; read and written on the socket's event loop only. */
    private FrameOutlet outlet;
    /** The handshake request's own header map until {@link #opened()}; on the socket's event loop only. */
    private MultiMap handshakeHeaders;

    /**
     * A wire that writes below {@code guardContext}, the context of the socket's {@code guard}, for the
     * socket that a handshake with {@code handshakeHeaders} becomes.
     */
    SocketWire(ChannelHandlerContext guardContext, FrameGuard guard, MultiMap handshakeHeaders) {
        this.channel = guardContext.channel();
        this.guardContext = guardContext;
        this.guard = guard;
        this.unwatched = new VoidChannelPromise(channel, false);
        this.handshakeHeaders = handshakeHeaders;
    }

    /**
     * Empties the handshake's header map once the socket is open. Vert.x's WebSocket keeps the upgrade
     * request's own map for the socket's life ({@code ServerWebSocket.headers()}), and websockets-next
     * has made its copy ({@code HandshakeRequest.headers()}) before the socket opens; eventgate reads
     * neither afterwards, and an idle socket would otherwise keep both, header names twice over.
     */
    public void opened() {
        if (handshakeHeaders != null) {
            handshakeHeaders.clear();
            handshakeHeaders = null;
        }
    }

    /** Whether the socket still takes data frames: its connection is open and no close frame has left. */
    public boolean open() {
        return !guard.closeSent() && channel.isActive();
    }

    /** Writes {@code frame}, made by {@link TextFrames}, without flushing it. */
    public void write(ByteBuf frame) {
        outlet().write(frame, unwatched);
    }

    /**
     * Writes {@code frame}, made by {@link TextFrames}, and flushes it with every frame written
     * before; {@code written} learns whether all of them reached the kernel.
     */
    public void writeAndFlush(ByteBuf frame, Consumer<Boolean> written) {
        ChannelPromise promise = channel.newPromise();
        promise.addListener(future -> written.accept(future.isSuccess()));
        FrameOutlet to = outlet();
        to.write(frame, promise);
        to.flush();
    }

    /** Whether frames skip the pipeline below the guard; false until the first frame after the upgrade. */
    boolean toTransport() {
        return outlet != null && outlet.toTransport();
    }

    private FrameOutlet outlet() {
        if (outlet == null) {
            Optional<FrameOutlet> chosen = FrameOutlet.choose(guardContext);
            if (chosen.isEmpty()) {
                return FrameOutlet.pipeline(guardContext);
            }
            outlet = chosen.get();
        }
        return outlet;
    }
}
