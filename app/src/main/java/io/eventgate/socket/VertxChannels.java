package io.eventgate.socket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.util.AttributeKey;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place where eventgate reaches below websockets-next and Vert.x: the Netty channel of a
 * handshake request. {@link FrameGuard} goes into its pipeline before the upgrade (Vert.x 4 offers
 * no public way to validate UTF-8, refuse reserved bits or close with the right code), and
 * {@link SocketWire} writes deliveries from the guard, next to where Vert.x writes its frames. What
 * this relies on (an HTTP/1 connection is a {@link ConnectionBase} whose pipeline ends with a handler
 * named {@value #VERTX_HANDLER}, which writes WebSocket frames, its close frames among them, through
 * the handlers before it after the upgrade) is checked by {@code VertxChannelsTest}, which fails when
 * an upgrade changes it.
 * <p>
 * It also lets go of what websockets-next would keep of a handshake ({@link #release}), and the wire
 * it makes of the headers Vert.x would ({@link SocketWire#opened}); that the socket then keeps
 * neither is checked by {@code HandshakeReleaseTest}.
 */
final class VertxChannels {

    /** The name Vert.x gives its connection handler, the last of the pipeline. */
    static final String VERTX_HANDLER = "handler";

    /** The routing context of the handshake on a channel, from its admission until {@link #release}. */
    private static final AttributeKey<RoutingContext> HANDSHAKE = AttributeKey.valueOf("eventgate.handshake");

    private VertxChannels() {
    }

    /**
     * Adds {@code guard} (with a UTF-8 validator before it) in front of Vert.x's connection handler,
     * and sets the connection's kernel send buffer to {@code sendBuffer} bytes unless it is 0.
     */
    static void install(HttpServerRequest request, FrameGuard guard, int sendBuffer) {
        Channel channel = channel(request);
        if (sendBuffer > 0) {
            channel.config().setOption(ChannelOption.SO_SNDBUF, sendBuffer);
        }
        if (channel.pipeline().get(FrameGuard.NAME) == null) {
            channel.pipeline().addBefore(VERTX_HANDLER, FrameGuard.NAME, guard);
            channel.pipeline().addBefore(FrameGuard.NAME, FrameGuard.UTF8_VALIDATOR, guard.utf8Validator());
        }
    }

    /** Holds the routing context of an admitted {@code handshake} until {@link #release}. */
    static void hold(RoutingContext handshake) {
        channel(handshake.request()).attr(HANDSHAKE).set(handshake);
    }

    /**
     * Takes the Quarkus identity off the handshake of {@code request}, once it has been read.
     * websockets-next keeps the routing context of a connection whose handshake has an identity (a
     * user, or the deferred identity that Quarkus Security gives every request) for the connection's
     * life, to serve that identity to its callbacks; with it live the upgrade's request, response,
     * headers and request metric, the largest part of an idle socket's heap. eventgate reads the
     * identity once, at the handshake, and ends the subscriber's session itself when its token expires.
     */
    static void release(HttpServerRequest request) {
        RoutingContext handshake = channel(request).attr(HANDSHAKE).getAndSet(null);
        if (handshake != null) {
            handshake.remove(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
            handshake.clearUser();
        }
    }

    /** The wire to the socket that the handshake {@code request}, guarded by {@link #install}, becomes. */
    static SocketWire wire(HttpServerRequest request) {
        Channel channel = channel(request);
        ChannelHandlerContext context = channel.pipeline().context(FrameGuard.NAME);
        if (context == null || !(context.handler() instanceof FrameGuard guard)) {
            throw new IllegalStateException("No '" + FrameGuard.NAME + "' in " + channel.pipeline().names());
        }
        return new SocketWire(context, guard, request.headers());
    }

    private static Channel channel(HttpServerRequest request) {
        if (!(request.connection() instanceof ConnectionBase connection)) {
            throw new IllegalStateException("A WebSocket handshake on a connection that is not a Vert.x HTTP/1 "
                    + "connection: " + request.connection().getClass().getName());
        }
        return connection.channel();
    }
}
