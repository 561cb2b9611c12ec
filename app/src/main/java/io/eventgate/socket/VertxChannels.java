package io.eventgate.socket;

import io.netty.channel.Channel;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * The one place where eventgate reaches below websockets-next and Vert.x: the Netty channel of a
 * handshake request, to put {@link FrameGuard} into its pipeline before the upgrade. Vert.x 4
 * offers no public way to validate UTF-8, refuse reserved bits or close with the right code; what
 * this relies on (an HTTP/1 connection is a {@link ConnectionBase} whose last handler is named
 * {@value #VERTX_HANDLER}) is checked by {@code FrameGuardTest}, which fails when an upgrade changes it.
 */
final class VertxChannels {

    /** The name Vert.x gives its connection handler, the last of the pipeline. */
    static final String VERTX_HANDLER = "handler";

    private VertxChannels() {
    }

    /** Adds {@code guard} (with a UTF-8 validator before it) in front of Vert.x's connection handler. */
    static void install(HttpServerRequest request, FrameGuard guard) {
        if (!(request.connection() instanceof ConnectionBase connection)) {
            throw new IllegalStateException("A WebSocket handshake on a connection that is not a Vert.x HTTP/1 "
                    + "connection: " + request.connection().getClass().getName());
        }
        Channel channel = connection.channel();
        if (channel.pipeline().get(FrameGuard.NAME) == null) {
            channel.pipeline().addBefore(VERTX_HANDLER, FrameGuard.NAME, guard);
            channel.pipeline().addBefore(FrameGuard.NAME, FrameGuard.UTF8_VALIDATOR, guard.utf8Validator());
        }
    }
}
