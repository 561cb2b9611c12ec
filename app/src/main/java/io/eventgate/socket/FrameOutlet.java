package io.eventgate.socket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandler;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * Where a socket's {@link SocketWire} puts its frames: the channel's transport itself when nothing
 * between the socket's {@link FrameGuard} and the transport would touch them, else the pipeline
 * from the guard on, as Vert.x's own frames go.
 * <p>
 * After the upgrade, what Vert.x leaves there for a plain connection passes bytes on as they are:
 * the WebSocket encoder (it encodes frame objects only), handlers that only read, and the idle-time
 * handler, which only notes when a write left. Walking them costs each frame a call per handler
 * and a look at every context's mask, which the JIT mostly inlines and a native executable pays in
 * full, on the delivery path's most frequent step; so frames then go to the transport, in the
 * order of the loop's writes as before, and each flush tells the idle-time handlers that a write
 * left. Any other outbound handler (TLS, compression, traffic shaping, logging) may change or hold
 * bytes: with one of them, frames take the pipeline.
 */
final class FrameOutlet {

    private final BiConsumer<ByteBuf, ChannelPromise> writer;
    private final Runnable flusher;
    private final boolean toTransport;

    private FrameOutlet(BiConsumer<ByteBuf, ChannelPromise> writer, Runnable flusher, boolean toTransport) {
        this.writer = writer;
        this.flusher = flusher;
        this.toTransport = toTransport;
    }

    /** The pipeline from the guard's context {@code guard} on: always right, whatever the pipeline holds. */
    static FrameOutlet pipeline(ChannelHandlerContext guard) {
        return new FrameOutlet(guard::write, guard::flush, false);
    }

    /**
     * The outlet for the socket guarded at {@code guard}, or empty while the WebSocket upgrade has
     * not yet put its encoder in place of the HTTP codec (whose encoder takes bytes too).
     */
    static Optional<FrameOutlet> choose(ChannelHandlerContext guard) {
        Channel channel = guard.channel();
        List<IdleStateHandler> idleHandlers = new ArrayList<>();
        boolean upgraded = false;
        boolean untouched = true;
        for (Map.Entry<String, ChannelHandler> entry : channel.pipeline()) {
            ChannelHandler handler = entry.getValue();
            if (handler == guard.handler()) {
                break;
            }
            if (handler instanceof WebSocketFrameEncoder) {
                upgraded = true;
            } else if (handler instanceof IdleStateHandler idle) {
                idleHandlers.add(idle);
            } else if (handler instanceof ChannelOutboundHandler) {
                untouched = false;
            }
        }
        if (!upgraded) {
            return Optional.empty();
        }
        return Optional.of(untouched ? transport(channel.unsafe(), List.copyOf(idleHandlers)) : pipeline(guard));
    }

    private static FrameOutlet transport(Channel.Unsafe transport, List<IdleStateHandler> idleHandlers) {
        return new FrameOutlet(transport::write, () -> {
            idleHandlers.forEach(IdleStateHandler::resetWriteTimeout);
            transport.flush();
        }, true);
    }

    /** Writes {@code frame} without flushing it. */
    void write(ByteBuf frame, ChannelPromise promise) {
        writer.accept(frame, promise);
    }

    /** Flushes every frame written before. */
    void flush() {
        flusher.run();
    }

    /** Whether frames skip the pipeline below the guard. */
    boolean toTransport() {
        return toTransport;
    }
}
