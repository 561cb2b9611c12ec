package io.eventgate.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.OptionalInt;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.eventgate.config.EventgateConfig;
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

    public ApiKeys(EventgateConfig config) {
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
    private boolean required() {
        return !digests.isEmpty();
    }

    /**
     * The publisher whose key the {@code Authorization} header value carries: the key's position in
     * {@code eventgate.api-keys}; empty when it carries no accepted key. Without keys configured,
     * every request is publisher 0: all publishers count as one.
     */
    public OptionalInt publisher(String authorization) {
        if (!required()) {
            return OptionalInt.of(0);
        }
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return OptionalInt.empty();
        }
        byte[] presented = sha256(authorization.substring(BEARER.length()).trim());
        int match = -1;
        for (int key = 0; key < digests.size(); key++) {
            // No early exit: every key is compared, whichever matches.
            if (MessageDigest.isEqual(digests.get(key), presented)) {
                match = key;
            }
        }
        return match < 0 ? OptionalInt.empty() : OptionalInt.of(match);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
