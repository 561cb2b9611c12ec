package io.eventgate.idempotency;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.eventgate.publish.PublishAccepted;
import io.smallrye.mutiny.Uni;

/**
 * Keys in this node's memory, each for the window after its first use, at most {@link #MAX_KEYS}
 * of them (the oldest go first): the store of a single node.
 */
final class MemoryIdempotencyStore implements IdempotencyStore {

    /** Bounds the memory a publisher can make the node spend on keys. */
    static final long MAX_KEYS = 100_000;

    private sealed interface Entry {
        String digest();
    }

    private record Pending(String digest) implements Entry {
    }

    private record Done(String digest, PublishAccepted accepted) implements Entry {
    }

    private final Cache<String, Entry> keys;

    MemoryIdempotencyStore(Duration window) {
        this.keys = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_KEYS).build();
    }

    @Override
    public Uni<Claim> claim(String key, String digest) {
        Entry existing = keys.asMap().putIfAbsent(key, new Pending(digest));
        return Uni.createFrom().item(answer(existing, digest));
    }

    @Override
    public Uni<Void> complete(String key, String digest, PublishAccepted accepted) {
        keys.put(key, new Done(digest, accepted));
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> release(String key) {
        keys.invalidate(key);
        return Uni.createFrom().voidItem();
    }

    private static Claim answer(Entry existing, String digest) {
        if (existing == null) {
            return new Claim.Fresh();
        }
        if (!existing.digest().equals(digest)) {
            return new Claim.Conflict();
        }
        return existing instanceof Done done ? new Claim.Repeat(done.accepted()) : new Claim.InProgress();
    }
}
