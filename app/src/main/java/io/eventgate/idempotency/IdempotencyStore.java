package io.eventgate.idempotency;

import io.eventgate.publish.PublishAccepted;
import io.smallrye.mutiny.Uni;

/**
 * Where {@code Idempotency-Key}s are remembered for {@code eventgate.publish.idempotency-window}:
 * in this node's memory with one node, in Redis (so cluster-wide) with the backplane. Keys are
 * already scoped to their publisher.
 */
public interface IdempotencyStore {

    /** Claims {@code key} for a body whose digest is {@code digest}, atomically. */
    Uni<Claim> claim(String key, String digest);

    /** The claimed publish was accepted: repeats get {@code accepted} until the window ends. */
    Uni<Void> complete(String key, String digest, PublishAccepted accepted);

    /** The claimed publish was refused: the key may be used again. */
    Uni<Void> release(String key);
}
