package io.eventgate.publish;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.resteasy.reactive.RestResponse.Status;

import io.eventgate.config.EventgateConfig;
import io.eventgate.http.ProblemException;
import io.eventgate.http.ProblemWriter;
import io.eventgate.json.JsonBodyReader;
import io.eventgate.metrics.EventgateMetrics;
import io.eventgate.shutdown.Draining;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses what it can of a request to the publishing endpoints ({@code POST /events},
 * {@code POST /tokens}) before its body is read: while the node shuts down (503, ahead of
 * everything), then, after Quarkus Security has found the publisher, a publisher over its rate
 * (429), or a declared length over {@code eventgate.publish.max-body-size} (413; a chunked body is
 * measured once read, by {@code JsonBodyReader}). A request it lets in is counted by {@link Draining} until answered.
 */
@Singleton
public class PublishGuard {

    /** Ahead of everything, authentication included: a stopping node does no work for a request. */
    private static final int ADMISSION_ORDER = Integer.MIN_VALUE + 1000;

    /** After authentication and authorisation, which run at the orders of {@code SecurityHandlerPriorities}. */
    private static final int LIMITS_ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

    private static final String[] PATHS = { "/events", "/tokens" };

    private final PublishRateLimits rateLimits;
    private final ProblemWriter problems;
    private final EventgateMetrics metrics;
    private final Draining draining;
    private final long maxBodySize;

    public PublishGuard(PublishRateLimits rateLimits, ProblemWriter problems, EventgateMetrics metrics,
            Draining draining, EventgateConfig config) {
        this.rateLimits = rateLimits;
        this.problems = problems;
        this.metrics = metrics;
        this.draining = draining;
        this.maxBodySize = config.publish().maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        for (String path : PATHS) {
            router.post(path).order(ADMISSION_ORDER).handler(this::admit);
            router.post(path).order(LIMITS_ORDER).handler(this::limit);
        }
    }

    private void admit(RoutingContext context) {
        if (!draining.admit()) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
            refuse(context, new ProblemException(Status.SERVICE_UNAVAILABLE, "shutting-down",
                    "This node is shutting down; publish again (to another replica)"));
            return;
        }
        // However it ends, answered or aborted, refused here or accepted.
        context.addEndHandler(ended -> draining.finished());
        context.next();
    }

    private void limit(RoutingContext context) {
        String publisher = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity().getPrincipal().getName()
                : "";
        Optional<Duration> wait = rateLimits.refusal(publisher);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            refuse(context, new ProblemException(Status.TOO_MANY_REQUESTS, "rate-limited", "More than "
                    + rateLimits.perSecond().orElseThrow() + " events per second from this publisher "
                    + "(eventgate.publish.rate-limit); publish again in " + seconds + " s"));
            return;
        }
        if (declaredLength(context) > maxBodySize) {
            // The unread body would otherwise have to be drained; closing is cheaper for both sides.
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            refuse(context, JsonBodyReader.tooLarge(maxBodySize));
            return;
        }
        context.next();
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void refuse(RoutingContext context, ProblemException problem) {
        metrics.rejected(problem.status().getStatusCode(), problem.reason());
        problems.write(context, problem);
    }
}
