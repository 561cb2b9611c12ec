package io.eventgate.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.StatusType;

import org.jboss.resteasy.reactive.RestResponse.Status;

/**
 * Refuses a request; answered as {@code application/problem+json} by {@link ProblemMapper}.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** 422, which JAX-RS's own {@code Status} does not name (RFC 9110 section 15.5.21). */
    public static final StatusType UNPROCESSABLE_CONTENT = new StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private final StatusType status;
    private final String reason;

    /**
     * @param reason one word for metrics, from a small fixed set (never the detail: unbounded)
     */
    public ProblemException(StatusType status, String reason, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    public static ProblemException badRequest(String reason, String detail) {
        return new ProblemException(Status.BAD_REQUEST, reason, detail);
    }

    public StatusType status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
