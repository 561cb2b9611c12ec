package io.eventgate.publish;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import io.eventgate.delivery.DeliveryRefusedException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers every refused request with {@code application/problem+json}.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final ProblemWriter problems;

    public ProblemMapper(ProblemWriter problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> refused(ProblemException problem, UriInfo uri) {
        return problems.response(problem, uri.getPath());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> deliveryRefused(DeliveryRefusedException refused, UriInfo uri) {
        return problems.response(new ProblemException(Status.SERVICE_UNAVAILABLE, "backplane-unavailable",
                refused.getMessage()), uri.getPath());
    }

    /** The framework's own refusals (404, 405, 406...), keeping their status. */
    @ServerExceptionMapper
    public RestResponse<Problem> framework(WebApplicationException e, UriInfo uri) {
        Status status = Status.fromStatusCode(e.getResponse().getStatus());
        Status known = status == null ? Status.BAD_REQUEST : status;
        return problems.response(new ProblemException(known, "http-" + known.getStatusCode(), e.getMessage()),
                uri.getPath());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(RuntimeException e, UriInfo uri) {
        LOG.errorf(e, "Request to %s failed", uri.getPath());
        return problems.response(new ProblemException(Status.INTERNAL_SERVER_ERROR, "error",
                "The request could not be handled; nothing was delivered. Retry later."), uri.getPath());
    }
}
