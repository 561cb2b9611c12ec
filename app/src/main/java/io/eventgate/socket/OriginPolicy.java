package io.eventgate.socket;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Which web pages may open a socket (docs/protocol.md section 6): the service's own origin, those
 * in {@code eventgate.socket.allowed-origins}, and clients that are not browsers (no
 * {@code Origin}). Origins are compared as scheme, host and port, default ports made explicit.
 */
final class OriginPolicy {

    private static final String ANY = "*";

    private final boolean anyOrigin;
    private final Set<String> allowed;

    OriginPolicy(Optional<List<String>> allowedOrigins) {
        List<String> configured = allowedOrigins.orElse(List.of()).stream().map(String::trim)
                .filter(origin -> !origin.isEmpty()).toList();
        this.anyOrigin = configured.contains(ANY);
        this.allowed = configured.stream().filter(origin -> !ANY.equals(origin))
                .map(origin -> normalised(origin).orElseThrow(() -> new ConfigurationException(
                        "eventgate.socket.allowed-origins: '" + origin + "' is not an origin (scheme://host[:port])")))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Why the handshake is refused; empty when it may go on. */
    Optional<String> refusal(HttpServerRequest handshake) {
        String origin = handshake.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || anyOrigin) {
            return Optional.empty();
        }
        Optional<String> presented = normalised(origin);
        if (presented.isEmpty()) {
            return Optional.of("The origin '" + origin + "' may not open a socket here");
        }
        String host = handshake.getHeader(HttpHeaders.HOST);
        boolean own = host != null && normalised(handshake.scheme() + "://" + host).equals(presented);
        if (own || allowed.contains(presented.get())) {
            return Optional.empty();
        }
        return Optional.of("The origin '" + origin + "' may not open a socket here; allow it with "
                + "eventgate.socket.allowed-origins");
    }

    /** {@code scheme://host:port} in lower case, or empty for {@code null} and anything else that is no origin. */
    private static Optional<String> normalised(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                    && !"/".equals(uri.getRawPath())) {
                return Optional.empty();
            }
            String lowerScheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(lowerScheme);
            return Optional.of(lowerScheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "https", "wss" -> 443;
            default -> 80;
        };
    }
}
