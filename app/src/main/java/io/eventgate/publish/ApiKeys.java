package io.eventgate.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Checks the bearer key of a publish. Keys are kept only as SHA-256 digests and compared in
 * constant time, so neither their value nor their length leaks through timing, and they are never
 * logged.
 */
@Singleton
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final String BEARER = "bearer ";

    private final List<byte[]> digests;

    public ApiKeys(PublishConfig config) {
        this.digests = config.apiKeys().orElse(List.of()).stream()
                .map(String::trim).filter(key -> !key.isEmpty()).map(ApiKeys::sha256).toList();
    }

    void announce(@Observes StartupEvent started) {
        if (digests.isEmpty()) {
            LOG.warn("eventgate.api-keys is not set: anyone who can reach this port can publish events");
        } else {
            LOG.infof("Publishing requires one of %d API keys (Authorization: Bearer <key>)", digests.size());
        }
    }

    /** Whether publishing needs a key at all. */
    public boolean required() {
        return !digests.isEmpty();
    }

    /** Whether the {@code Authorization} header value carries an accepted key. */
    public boolean accepts(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] presented = sha256(authorization.substring(BEARER.length()).trim());
        boolean match = false;
        for (byte[] digest : digests) {
            // No early exit: every key is compared, whichever matches.
            match |= MessageDigest.isEqual(digest, presented);
        }
        return match;
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
