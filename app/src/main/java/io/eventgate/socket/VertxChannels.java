package io.eventgate.socket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * The one place where eventgate reaches below websockets-next and Vert.x: the Netty channel of a
 * handshake request. {@link FrameGuard} goes into its pipeline before the upgrade (Vert.x 4 offers
 * no public way to validate UTF-8, refuse reserved bits or close with the right code), and
 * {@link SocketWire} writes deliveries from the guard, next to where Vert.x writes its frames. What
 * this relies on (an HTTP/1 connection is a {@link ConnectionBase} whose pipeline ends with a handler
 * named {@value #VERTX_HANDLER}, which writes WebSocket frames, its close frames among them, through
 * the handlers before it after the upgrade) is checked by {@code VertxChannelsTest}, which fails when
 * an upgrade changes it.
 */
final class VertxChannels {

    /** The name Vert.x gives its connection handler, the last of the pipeline. */
    static final String VERTX_HANDLER = "handler";

    private VertxChannels() {
    }

    /** Adds {@code guard} (with a UTF-8 validator before it) in front of Vert.x's connection handler. */
    static void install(HttpServerRequest request, FrameGuard guard) {
        Channel channel = channel(request);
        if (channel.pipeline().get(FrameGuard.NAME) == null) {
            channel.pipeline().addBefore(VERTX_HANDLER, FrameGuard.NAME, guard);
            channel.pipeline().addBefore(FrameGuard.NAME, FrameGuard.UTF8_VALIDATOR, guard.utf8Validator());
        }
    }

    /** The wire to the socket that the handshake {@code request}, guarded by {@link #install}, becomes. */
    static SocketWire wire(HttpServerRequest request) {
        Channel channel = channel(request);
        ChannelHandlerContext context = channel.pipeline().context(FrameGuard.NAME);
        if (context == null || !(context.handler() instanceof FrameGuard guard)) {
            throw new IllegalStateException("No '" + FrameGuard.NAME + "' in " + channel.pipeline().names());
        }
        return new SocketWire(context, guard);
    }

    private static Channel channel(HttpServerRequest request) {
        if (!(request.connection() instanceof ConnectionBase connection)) {
            throw new IllegalStateException("A WebSocket handshake on a connection that is not a Vert.x HTTP/1 "
                    + "connection: " + request.connection().getClass().getName());
        }
        return connection.channel();
    }
}
