package io.eventgate.socket;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse.Status;

import io.eventgate.config.EventgateConfig;
import io.eventgate.http.ProblemException;
import io.eventgate.http.ProblemWriter;
import io.eventgate.metrics.EventgateMetrics;
import io.eventgate.shutdown.Draining;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Decides on a WebSocket handshake before the upgrade, with a problem document when it refuses
 * (403 for a page of a foreign origin, 503 while the node stops or has
 * {@code eventgate.socket.max-connections} sockets), and puts a
 * {@link FrameGuard} on every socket it admits and bounds its kernel send buffer.
 */
@Singleton
public class SocketAdmission {

    /** Before websockets-next's own route for {@code /ws}. */
    private static final int ORDER = Integer.MIN_VALUE + 1000;

    private final RoomRegistry registry;
    private final ProblemWriter problems;
    private final EventgateMetrics metrics;
    private final Draining draining;
    private final int maxConnections;
    private final int sendBuffer;
    private final FrameGuard.Settings guardSettings;
    private final OriginPolicy origins;

    SocketAdmission(RoomRegistry registry, ProblemWriter problems, EventgateMetrics metrics, Draining draining,
            FrameWriter writer, EventgateConfig root,
            @ConfigProperty(name = "quarkus.websockets-next.server.max-message-size") int maxMessageSize) {
        SocketConfig config = root.socket();
        this.registry = registry;
        this.problems = problems;
        this.metrics = metrics;
        this.draining = draining;
        this.maxConnections = config.maxConnections();
        this.sendBuffer = config.sendBuffer().asBigInteger().intValueExact();
        this.origins = new OriginPolicy(config.allowedOrigins());
        this.guardSettings = new FrameGuard.Settings(config.maxInboundRate(), maxMessageSize,
                writer.write(new ServerFrame.Error("Over the limit of " + config.maxInboundRate()
                        + " frames per second (eventgate.socket.max-inbound-rate); the frame was not processed")),
                metrics);
    }

    void install(@Observes Router router) {
        router.get("/ws").order(ORDER).handler(this::admit);
    }

    private void admit(RoutingContext context) {
        if (!handshake(context)) {
            context.next();
            return;
        }
        Optional<String> foreign = origins.refusal(context.request());
        if (foreign.isPresent()) {
            metrics.socketRefused("origin");
            problems.write(context, new ProblemException(Status.FORBIDDEN, "origin", foreign.get()));
            return;
        }
        if (draining.started()) {
            refuse(context, "stopping", "This node is shutting down; connect again (to another replica)");
            return;
        }
        if (registry.size() >= maxConnections) {
            refuse(context, "max-connections", "This node has " + maxConnections
                    + " open sockets, its limit (eventgate.socket.max-connections); connect again later or elsewhere");
            return;
        }
        VertxChannels.install(context.request(), new FrameGuard(guardSettings), sendBuffer);
        VertxChannels.hold(context);
        context.next();
    }

    /**
     * websockets-next upgrades any request with a {@code Sec-WebSocket-Key}, whatever its
     * {@code Upgrade} header says; each of those is decided here, not only the well-formed ones.
     */
    private static boolean handshake(RoutingContext context) {
        return context.request().headers().contains(HttpHeaderNames.SEC_WEBSOCKET_KEY)
                || "websocket".equalsIgnoreCase(context.request().getHeader(HttpHeaders.UPGRADE));
    }

    private void refuse(RoutingContext context, String reason, String detail) {
        metrics.socketRefused(reason);
        context.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
        problems.write(context, new ProblemException(Status.SERVICE_UNAVAILABLE, reason, detail));
    }
}
