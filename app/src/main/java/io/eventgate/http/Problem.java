package io.eventgate.http;

import jakarta.ws.rs.core.Response.StatusType;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An error answer in the shape of RFC 9457 ({@code application/problem+json}).
 *
 * @param type {@code about:blank}: the status code says what kind of problem it is
 * @param title the status code's reason phrase
 * @param status the HTTP status code
 * @param detail what is wrong, in words a person can act on
 * @param instance the request path
 */
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(StatusType status, String detail, String instance) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance);
    }
}
