package io.eventgate.publish;

import jakarta.inject.Singleton;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.eventgate.metrics.EventgateMetrics;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes {@link Problem} documents, on a JAX-RS response or straight on a Vert.x one.
 */
@Singleton
public class ProblemWriter {

    private final ObjectMapper mapper;
    private final EventgateMetrics metrics;

    public ProblemWriter(ObjectMapper mapper, EventgateMetrics metrics) {
        this.mapper = mapper;
        this.metrics = metrics;
    }

    RestResponse<Problem> response(ProblemException problem, String path) {
        metrics.rejected(problem.status().getStatusCode(), problem.reason());
        return RestResponse.ResponseBuilder.create(problem.status(), problemOf(problem, path))
                .type(Problem.MEDIA_TYPE).build();
    }

    void write(RoutingContext context, ProblemException problem) {
        metrics.rejected(problem.status().getStatusCode(), problem.reason());
        context.response()
                .setStatusCode(problem.status().getStatusCode())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(json(problemOf(problem, context.request().path())));
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
