package io.eventgate.http;

import org.jboss.resteasy.reactive.RestResponse.Status;

/**
 * Refuses a request; answered as {@code application/problem+json} by {@link ProblemMapper}.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Status status;
    private final String reason;

    /**
     * @param reason one word for metrics, from a small fixed set (never the detail: unbounded)
     */
    public ProblemException(Status status, String reason, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    public static ProblemException badRequest(String reason, String detail) {
        return new ProblemException(Status.BAD_REQUEST, reason, detail);
    }

    public Status status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
