package io.eventgate.idempotency;

import io.eventgate.publish.PublishAccepted;

/**
 * What a store answers when a publish claims its {@code Idempotency-Key}.
 */
public sealed interface Claim {

    /** The key is new: publish, then complete the claim (or release it if the publish is refused). */
    record Fresh() implements Claim {
    }

    /** The same body was accepted under this key: answer as it was answered. */
    record Repeat(PublishAccepted accepted) implements Claim {
    }

    /** The same body is being accepted under this key right now. */
    record InProgress() implements Claim {
    }

    /** Another body used this key. */
    record Conflict() implements Claim {
    }
}
