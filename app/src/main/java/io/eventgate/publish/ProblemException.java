package io.eventgate.publish;

import org.jboss.resteasy.reactive.RestResponse.Status;

/**
 * Refuses a request; answered as {@code application/problem+json} by {@link ProblemMapper}.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Status status;

    public ProblemException(Status status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Status.BAD_REQUEST, detail);
    }

    public Status status() {
        return status;
    }
}
