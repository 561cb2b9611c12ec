package io.eventgate.http;

import jakarta.inject.Singleton;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes {@link Problem} documents, on a JAX-RS response or straight on a Vert.x one (for what is
 * refused before a resource runs). Counting the refusal is the caller's: it knows what was refused.
 */
@Singleton
public class ProblemWriter {

    /** The scheme both bearer mechanisms challenge with. */
    public static final String BEARER = "Bearer";

    private final ObjectMapper mapper;

    public ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    RestResponse<Problem> response(ProblemException problem, String path) {
        RestResponse.ResponseBuilder<Problem> response = RestResponse.ResponseBuilder
                .create(problem.status(), problemOf(problem, path)).type(Problem.MEDIA_TYPE);
        if (closesConnection(problem)) {
            response.header(HttpHeaders.CONNECTION.toString(), "close");
        }
        return response.build();
    }

    public void write(RoutingContext context, ProblemException problem) {
        if (closesConnection(problem)) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        context.response()
                .setStatusCode(problem.status().getStatusCode())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(json(problemOf(problem, context.request().path())));
    }

    /** A 401 with its {@code WWW-Authenticate: Bearer} challenge: the answer of both bearer mechanisms. */
    public void challenge(RoutingContext context, String detail) {
        context.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, BEARER);
        write(context, new ProblemException(RestResponse.Status.UNAUTHORIZED, "unauthorized", detail));
    }

    /**
     * A 503 closes the connection: a keep-alive client then opens a new one, which the load balancer
     * sends to a replica that serves, instead of reusing one that a stopping node will reset.
     */
    private static boolean closesConnection(ProblemException problem) {
        return problem.status().getStatusCode() == RestResponse.Status.SERVICE_UNAVAILABLE.getStatusCode();
    }

    private static Problem problemOf(ProblemException problem, String path) {
        return Problem.of(problem.status(), problem.getMessage(), path);
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record of strings always serialises", e);
        }
    }
}
