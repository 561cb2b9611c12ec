package io.eventgate.publish;

import org.jboss.resteasy.reactive.RestResponse.Status;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * Reads a {@code Content-Type} that must be {@code application/json}, with an optional charset.
 */
final class JsonContentType {

    private static final String JSON = "application/json";

    private JsonContentType() {
    }

    /**
     * The charset the body is written in: the header's {@code charset} parameter, UTF-8 otherwise.
     *
     * @throws ProblemException 415 when the header is missing, another media type, or an unknown charset
     */
    static Charset charsetOf(String header) {
        if (header == null || header.isBlank()) {
            throw unsupported("Content-Type is missing; send the event as Content-Type: application/json");
        }
        String[] parts = header.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(JSON)) {
            throw unsupported("Content-Type '" + mediaType + "' is not supported; send application/json");
        }
        Charset charset = StandardCharsets.UTF_8;
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset")) {
                charset = charset(parameter[1].trim().replace("\"", ""));
            }
        }
        return charset;
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw unsupported("charset '" + name + "' is not supported; send UTF-8");
        }
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(Status.UNSUPPORTED_MEDIA_TYPE, "media-type", detail);
    }
}
