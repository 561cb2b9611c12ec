package io.eventgate.security;

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
 * The configured API keys ({@code eventgate.api-keys}), which let a backend publish and mint tokens. Keys are kept only as SHA-256 digests and compared in
 * constant time, so neither their value nor their length leaks through timing, and they are never
 * logged.
 */
@Singleton
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
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
    public boolean required() {
        return !digests.isEmpty();
    }

    /**
     * The position in {@code eventgate.api-keys} of the key {@code presented}; empty when it is not
     * one of them.
     */
    public OptionalInt find(String presented) {
        byte[] digest = sha256(presented);
        int match = -1;
        for (int key = 0; key < digests.size(); key++) {
            // No early exit: every key is compared, whichever matches.
            if (MessageDigest.isEqual(digests.get(key), digest)) {
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
