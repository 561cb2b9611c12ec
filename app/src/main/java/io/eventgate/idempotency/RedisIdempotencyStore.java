package io.eventgate.idempotency;

import java.time.Duration;

import io.eventgate.publish.PublishAccepted;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Keys in Redis, shared by every replica: {@code SET key pending|<digest> NX PX <window>} claims a
 * key atomically across the cluster; the accepted answer replaces it ({@code XX KEEPTTL}) so that
 * repeats get it until the window ends.
 */
final class RedisIdempotencyStore implements IdempotencyStore {

    private static final String PENDING = "pending";
    private static final String DONE = "done";
    private static final String SEPARATOR = "|";

    private final Redis redis;
    private final String prefix;
    private final Duration window;
    private final Duration timeout;

    RedisIdempotencyStore(Redis redis, String prefix, Duration window, Duration timeout) {
        this.redis = redis;
        this.prefix = prefix;
        this.window = window;
        this.timeout = timeout;
    }

    @Override
    public Uni<Claim> claim(String key, String digest) {
        Request set = Request.cmd(Command.SET).arg(prefix + key).arg(PENDING + SEPARATOR + digest)
                .arg("NX").arg("PX").arg(window.toMillis());
        return send(set).chain(claimed -> claimed != null ? Uni.createFrom().item(new Claim.Fresh())
                : send(Request.cmd(Command.GET).arg(prefix + key)).map(value -> answer(value, digest)));
    }

    @Override
    public Uni<Void> complete(String key, String digest, PublishAccepted accepted) {
        String value = String.join(SEPARATOR, DONE, digest, accepted.id(), accepted.timestamp(),
                accepted.offset() == null ? "" : accepted.offset());
        return send(Request.cmd(Command.SET).arg(prefix + key).arg(value).arg("XX").arg("KEEPTTL")).replaceWithVoid();
    }

    @Override
    public Uni<Void> release(String key) {
        return send(Request.cmd(Command.DEL).arg(prefix + key)).replaceWithVoid();
    }

    private Uni<Response> send(Request request) {
        return redis.send(request).ifNoItem().after(timeout).fail();
    }

    /** A key that expired between the SET and the GET is free again; a retry by the client will claim it. */
    private static Claim answer(Response value, String digest) {
        if (value == null) {
            return new Claim.InProgress();
        }
        String[] parts = value.toString().split("\\|", 5);
        if (parts.length < 2 || !parts[1].equals(digest)) {
            return new Claim.Conflict();
        }
        if (DONE.equals(parts[0]) && parts.length == 5) {
            return new Claim.Repeat(new PublishAccepted(parts[2], parts[3], parts[4].isEmpty() ? null : parts[4]));
        }
        return new Claim.InProgress();
    }
}
