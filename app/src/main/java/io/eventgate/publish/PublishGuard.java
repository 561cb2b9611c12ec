package io.eventgate.publish;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.resteasy.reactive.RestResponse.Status;

import io.eventgate.config.EventgateConfig;
import io.eventgate.http.ProblemException;
import io.eventgate.http.ProblemWriter;
import io.eventgate.metrics.EventgateMetrics;
import io.eventgate.shutdown.Draining;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a publish on its headers alone, before its body is read: while the node shuts down
 * (503), a missing or wrong API key (401), a publisher over its rate (429), or a declared length
 * over the limit (413). A publish it lets through is counted by {@link Draining} until answered.
 */
@Singleton
public class PublishGuard {

    /** Before Quarkus's own body size check, which answers without a problem document. */
    private static final int ORDER = Integer.MIN_VALUE + 1000;

    private final ApiKeys apiKeys;
    private final PublishRateLimits rateLimits;
    private final ProblemWriter problems;
    private final EventgateMetrics metrics;
    private final Draining draining;
    private final long maxBodySize;

    public PublishGuard(ApiKeys apiKeys, PublishRateLimits rateLimits, ProblemWriter problems, EventgateMetrics metrics,
            Draining draining, EventgateConfig config) {
        this.apiKeys = apiKeys;
        this.rateLimits = rateLimits;
        this.problems = problems;
        this.metrics = metrics;
        this.draining = draining;
        this.maxBodySize = config.publish().maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        router.post("/events").order(ORDER).handler(this::check);
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(Status.PAYLOAD_TOO_LARGE, "too-large",
                "The request body is larger than the limit of " + limit + " bytes (eventgate.publish.max-body-size)");
    }

    private void check(RoutingContext context) {
        if (!draining.admit()) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
            refuse(context, new ProblemException(Status.SERVICE_UNAVAILABLE, "shutting-down",
                    "This node is shutting down; publish again (to another replica)"));
            return;
        }
        // However it ends, answered or aborted, refused here or accepted.
        context.addEndHandler(ended -> draining.finished());
        OptionalInt publisher = apiKeys.publisher(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (publisher.isEmpty()) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            refuse(context, new ProblemException(Status.UNAUTHORIZED, "unauthorized",
                    "A valid API key is required: send Authorization: Bearer <key>"));
            return;
        }
        Optional<Duration> wait = rateLimits.refusal(publisher.getAsInt());
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
            refuse(context, tooLarge(maxBodySize));
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context, ProblemException problem) {
        metrics.rejected(problem.status().getStatusCode(), problem.reason());
        problems.write(context, problem);
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
