package io.eventgate.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.Supplier;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse.Status;

import io.eventgate.config.EventgateConfig;
import io.eventgate.http.ProblemException;
import io.eventgate.metrics.EventgateMetrics;
import io.eventgate.publish.PublishAccepted;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;

/**
 * Publishing with an {@code Idempotency-Key} (docs/protocol.md section 5): the first publish under a
 * key is accepted, a repeat with the same body within {@code eventgate.publish.idempotency-window} is
 * answered as the first was and neither delivered nor logged again, another body under the key is a
 * 422, a repeat while the first is being accepted a 409. Keys belong to their publisher (API key).
 * A refused publish releases its key. With the Redis backplane the keys live in Redis, for the whole
 * cluster; while Redis does not answer, a publish goes ahead without the check, and says so in the log.
 */
@Singleton
public class IdempotentPublishing {

    private static final Logger LOG = Logger.getLogger(IdempotentPublishing.class);
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final EventgateMetrics metrics;

    public IdempotentPublishing(EventgateConfig config, Instance<Redis> redis, EventgateMetrics metrics) {
        this.metrics = metrics;
        this.store = switch (config.fanout()) {
            case LOCAL -> new MemoryIdempotencyStore(config.publish().idempotencyWindow());
            case REDIS -> new RedisIdempotencyStore(redis.get(), config.backplane().keyPrefix() + "idempotency:",
                    config.publish().idempotencyWindow(), config.backplane().publishTimeout());
        };
    }

    /**
     * @param publisher who publishes (the principal of its API key)
     * @param key the {@code Idempotency-Key} header; {@code null} when absent
     * @param body the request body, whose digest tells a repeat from another request
     * @param publish accepts the event
     */
    public Uni<PublishAccepted> publish(String publisher, String key, byte[] body, Supplier<Uni<PublishAccepted>> publish) {
        if (key == null) {
            return publish.get();
        }
        check(key);
        String scoped = publisher + "\n" + key;
        String digest = sha256(body);
        return store.claim(scoped, digest)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Idempotency-Key not checked, its store did not answer (%s): the event is published", failure);
                    return new Claim.Fresh();
                })
                .chain(claim -> answer(claim, scoped, digest, publish));
    }

    private Uni<PublishAccepted> answer(Claim claim, String key, String digest, Supplier<Uni<PublishAccepted>> publish) {
        if (claim instanceof Claim.Repeat repeat) {
            metrics.repeated();
            return Uni.createFrom().item(repeat.accepted());
        }
        if (claim instanceof Claim.InProgress) {
            return Uni.createFrom().failure(new ProblemException(Status.CONFLICT, "idempotency-in-progress",
                    "A publish with this Idempotency-Key is being accepted; repeat it in a moment for its answer"));
        }
        if (claim instanceof Claim.Conflict) {
            return Uni.createFrom().failure(new ProblemException(ProblemException.UNPROCESSABLE_CONTENT, "idempotency-conflict",
                    "This Idempotency-Key was used for another request body; use a new key for a new event"));
        }
        return publish.get()
                .call(accepted -> store.complete(key, digest, accepted).onFailure().recoverWithNull())
                .onFailure().call(() -> store.release(key).onFailure().recoverWithNull());
    }

    private static void check(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Idempotency-Key must be 1 to "
                    + MAX_KEY_LENGTH + " visible ASCII characters, such as a UUID");
        }
    }

    private static String sha256(byte[] body) {
        try {
            return Base64.getEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
