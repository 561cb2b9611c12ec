package io.eventgate.http;

import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse.Status;


/**
 * Checks a {@code Content-Type} that must be {@code application/json}, in UTF-8 (docs/protocol.md section 1:
 * a {@code charset} parameter may say so; any other charset is refused). The header is parsed by
 * JAX-RS ({@link MediaType#valueOf}).
 */
public final class JsonContentType {

    private static final String UTF_8 = "utf-8";

    private JsonContentType() {
    }

    /**
     * @throws ProblemException 415 when the header is missing, unreadable, another media type, or
     *         names a charset other than UTF-8
     */
    public static void check(String header) {
        if (header == null || header.isBlank()) {
            throw unsupported("Content-Type is missing; send the event as Content-Type: application/json");
        }
        MediaType type;
        try {
            type = MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            throw unsupported("Content-Type '" + header + "' cannot be read; send application/json");
        }
        if (!type.getType().equalsIgnoreCase("application") || !type.getSubtype().equalsIgnoreCase("json")) {
            throw unsupported("Content-Type '" + type.getType() + "/" + type.getSubtype()
                    + "' is not supported; send application/json");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase(UTF_8)) {
            throw unsupported("charset '" + charset + "' is not supported; send UTF-8 (charset=utf-8, or none)");
        }
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(Status.UNSUPPORTED_MEDIA_TYPE, "media-type", detail);
    }
}
