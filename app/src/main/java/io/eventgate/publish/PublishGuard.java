package io.eventgate.publish;

import org.jboss.resteasy.reactive.RestResponse.Status;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a publish on its headers alone, before its body is read: while the node shuts down
 * (503), a missing or wrong API key (401), or a declared length over the limit (413).
 */
@Singleton
public class PublishGuard {

    /** Before Quarkus's own body size check, which answers without a problem document. */
    private static final int ORDER = Integer.MIN_VALUE + 1000;

    private final ApiKeys apiKeys;
    private final ProblemWriter problems;
    private final long maxBodySize;
    private volatile boolean accepting = true;

    public PublishGuard(ApiKeys apiKeys, ProblemWriter problems, PublishConfig config) {
        this.apiKeys = apiKeys;
        this.problems = problems;
        this.maxBodySize = config.maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        router.post("/events").order(ORDER).handler(this::check);
    }

    /** First of all shutdown work: what is published from now on goes to another replica. */
    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent delay) {
        accepting = false;
    }

    void onShutdown(@Observes @Priority(1) ShutdownEvent shutdown) {
        accepting = false;
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(Status.PAYLOAD_TOO_LARGE, "too-large",
                "The request body is larger than the limit of " + limit + " bytes (eventgate.publish.max-body-size)");
    }

    private void check(RoutingContext context) {
        if (!accepting) {
            context.response().putHeader("Retry-After", "1");
            problems.write(context, new ProblemException(Status.SERVICE_UNAVAILABLE, "shutting-down",
                    "This node is shutting down; publish again (to another replica)"));
            return;
        }
        if (apiKeys.required() && !apiKeys.accepts(context.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            problems.write(context, new ProblemException(Status.UNAUTHORIZED, "unauthorized",
                    "A valid API key is required: send Authorization: Bearer <key>"));
            return;
        }
        if (declaredLength(context) > maxBodySize) {
            // The unread body would otherwise have to be drained; closing is cheaper for both sides.
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            problems.write(context, tooLarge(maxBodySize));
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
}
