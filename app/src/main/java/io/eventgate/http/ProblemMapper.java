package io.eventgate.http;

import java.io.IOException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.eventgate.delivery.DeliveryRefusedException;
import io.eventgate.metrics.EventgateMetrics;

/**
 * Answers every refused request with {@code application/problem+json}, and counts it.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final ProblemWriter problems;
    private final EventgateMetrics metrics;

    public ProblemMapper(ProblemWriter problems, EventgateMetrics metrics) {
        this.problems = problems;
        this.metrics = metrics;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> refused(ProblemException problem, UriInfo uri) {
        return answer(problem, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> deliveryRefused(DeliveryRefusedException refused, UriInfo uri) {
        return answer(new ProblemException(Status.SERVICE_UNAVAILABLE, "backplane-unavailable", refused.getMessage()), uri);
    }

    /** The framework's own refusals (404, 405, 406...), keeping their status. */
    @ServerExceptionMapper
    public RestResponse<Problem> framework(WebApplicationException e, UriInfo uri) {
        Status status = Status.fromStatusCode(e.getResponse().getStatus());
        Status known = status == null ? Status.BAD_REQUEST : status;
        return answer(new ProblemException(known, "http-" + known.getStatusCode(), e.getMessage()), uri);
    }

    /**
     * The body could not be read: almost always a client that went away during its upload. Its
     * fault, not the server's (docs/protocol.md section 1), so it is not counted as a 500.
     */
    @ServerExceptionMapper
    public RestResponse<Problem> unreadable(IOException e, UriInfo uri) {
        LOG.debugf("The body of a request to %s could not be read: %s", uri.getPath(), e);
        return answer(ProblemException.badRequest("unreadable-body",
                "The request body could not be read to its end (" + e.getMessage() + ")"), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(RuntimeException e, UriInfo uri) {
        LOG.errorf(e, "Request to %s failed", uri.getPath());
        return answer(new ProblemException(Status.INTERNAL_SERVER_ERROR, "error",
                "The request could not be handled; nothing was delivered. Retry later."), uri);
    }

    private RestResponse<Problem> answer(ProblemException problem, UriInfo uri) {
        metrics.rejected(problem.status().getStatusCode(), problem.reason());
        return problems.response(problem, uri.getPath());
    }
}
