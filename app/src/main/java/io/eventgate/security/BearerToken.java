package io.eventgate.security;

import java.util.Optional;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * The credential of {@code Authorization: Bearer <credential>}, the scheme matched without regard to
 * case (RFC 9110): what both the API key and the subscriber token mechanisms read.
 */
public final class BearerToken {

    private static final String BEARER = "bearer ";

    private BearerToken() {
    }

    /** The credential after {@code Bearer }, trimmed; empty without such a header. */
    public static Optional<String> of(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER.length()).trim());
    }
}
