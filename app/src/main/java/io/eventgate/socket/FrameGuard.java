package io.eventgate.socket;

import java.util.concurrent.TimeUnit;

import io.eventgate.metrics.EventgateMetrics;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * Guards one socket's frames, in its Netty pipeline between the WebSocket codec and Vert.x
 * (docs/protocol.md sections 2 and 5): protocol violations close with 1002, text that is not UTF-8
 * with 1007, a message over the hard cap with 1009, all without a stack trace in the log; and
 * past {@code eventgate.socket.max-inbound-rate} messages and pings per second, a message gets an
 * {@code error} frame and is not processed, and at {@value #FAR_OVER} times the rate the socket is
 * closed with 1008.
 * <p>
 * Outbound, it sees every frame Vert.x writes, and so knows when a close frame has left, whoever
 * closed: no data frame may follow it (RFC 6455 section 5.5.1), and {@link SocketWire}, which writes
 * from here, asks this rather than Vert.x, whose answer takes a lock on every question.
 * <p>
 * Runs on the connection's event loop only, so its fields need no synchronisation. Messages are
 * refused whole (a fragmented one with all its continuation frames), so Vert.x never sees a part.
 */
final class FrameGuard extends ChannelDuplexHandler {

    static final String NAME = "eventgate-frame-guard";
    static final String UTF8_VALIDATOR = "eventgate-utf8-validator";

    /** How many times the rate a socket may send in a second before it is closed. */
    static final int FAR_OVER = 3;

    /** How long a close frame may take to leave before the connection is dropped anyway. */
    private static final long CLOSE_GRACE_MILLIS = 1_000;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** What every socket's guard shares. */
    record Settings(int maxInboundRate, int maxMessageSize, String rateErrorFrame, EventgateMetrics metrics) {
    }

    private final Settings settings;
    private long windowStart = System.nanoTime();
    private int inWindow;
    private long messageSize;
    private boolean droppingMessage;
    private boolean closing;
    private boolean closeSent;

    FrameGuard(Settings settings) {
        this.settings = settings;
    }

    /** Netty's own validator, failing with 1007 into {@link #exceptionCaught} rather than closing by itself. */
    Utf8FrameValidator utf8Validator() {
        return new Utf8FrameValidator(false);
    }

    /** Whether a close frame was written to the socket, by Vert.x or by this guard. */
    boolean closeSent() {
        return closeSent;
    }

    /** Only WebSocket frames are guarded; the HTTP messages before the upgrade pass by. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof WebSocketFrame frame) {
            read(ctx, frame);
        } else {
            ctx.fireChannelRead(message);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (message instanceof CloseWebSocketFrame) {
            closeSent = true;
        }
        ctx.write(message, promise);
    }

    /** Frames it passes on are released further down the pipeline; those it refuses, here. */
    private void read(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (closing) {
            frame.release();
            return;
        }
        if (frame instanceof CloseWebSocketFrame) {
            ctx.fireChannelRead(frame);
            return;
        }
        boolean startsMessage = frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame;
        if (startsMessage || frame instanceof PingWebSocketFrame || frame instanceof PongWebSocketFrame) {
            if (!withinRate(ctx, frame, startsMessage)) {
                return;
            }
        } else if (frame instanceof ContinuationWebSocketFrame && droppingMessage) {
            droppingMessage = !frame.isFinalFragment();
            frame.release();
            return;
        }
        if (startsMessage) {
            messageSize = 0;
        }
        if (startsMessage || frame instanceof ContinuationWebSocketFrame) {
            messageSize += frame.content().readableBytes();
            if (messageSize > settings.maxMessageSize()) {
                frame.release();
                close(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG, "too-big", "message over the limit of "
                        + settings.maxMessageSize() + " bytes (quarkus.websockets-next.server.max-message-size)");
                return;
            }
        }
        ctx.fireChannelRead(frame);
    }

    /** Counts the frame in this second's window; refuses it, or closes the socket, when over the rate. */
    private boolean withinRate(ChannelHandlerContext ctx, WebSocketFrame frame, boolean startsMessage) {
        long now = System.nanoTime();
        if (now - windowStart >= SECOND) {
            windowStart = now;
            inWindow = 0;
        }
        inWindow++;
        if (inWindow <= settings.maxInboundRate()) {
            return true;
        }
        frame.release();
        if (inWindow > FAR_OVER * settings.maxInboundRate()) {
            close(ctx, WebSocketCloseStatus.POLICY_VIOLATION, "inbound-rate", "inbound rate far over the limit of "
                    + settings.maxInboundRate() + " frames per second (eventgate.socket.max-inbound-rate)");
            return false;
        }
        if (startsMessage) {
            // Its continuation frames go too; a refused ping between them changes nothing.
            droppingMessage = !frame.isFinalFragment();
        }
        settings.metrics().frameRefused("inbound-rate");
        ctx.writeAndFlush(new TextWebSocketFrame(settings.rateErrorFrame()));
        return false;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException corrupted) {
            WebSocketCloseStatus status = corrupted.closeStatus();
            String reason = status.code() == WebSocketCloseStatus.INVALID_PAYLOAD_DATA.code() ? "invalid-utf8"
                    : status.code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code() ? "too-big" : "protocol";
            close(ctx, status, reason, corrupted.getMessage() == null ? status.reasonText() : corrupted.getMessage());
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    private void close(ChannelHandlerContext ctx, WebSocketCloseStatus status, String reason, String detail) {
        if (closing) {
            return;
        }
        closing = true;
        closeSent = true;
        settings.metrics().socketClosed(reason);
        ClientFaults.log(reason, "closed a socket from " + ctx.channel().remoteAddress() + " with " + status.code()
                + ": " + detail);
        // A close reason has at most 123 bytes.
        String text = ByteBufUtil.utf8Bytes(detail) <= 123 ? detail : status.reasonText();
        ctx.writeAndFlush(new CloseWebSocketFrame(status.code(), text)).addListener(ChannelFutureListener.CLOSE);
        // A client that does not read would keep the close frame, and the connection, forever.
        ctx.executor().schedule(() -> {
            ctx.close();
        }, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }
}
