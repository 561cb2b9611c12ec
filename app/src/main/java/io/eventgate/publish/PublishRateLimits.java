package io.eventgate.publish;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.inject.Singleton;

import io.eventgate.config.EventgateConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * {@code eventgate.publish.rate-limit}: a token bucket per publisher (the principal of its API key), refilled at the
 * limit per second and holding one second's worth, so a publisher may burst up to the limit.
 */
@Singleton
public class PublishRateLimits {

    private final Optional<Integer> perSecond;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public PublishRateLimits(EventgateConfig config) {
        this.perSecond = config.publish().rateLimit();
    }

    /** Takes one publish from {@code publisher}'s bucket; when it is empty, how long until it is not. */
    public Optional<Duration> refusal(String publisher) {
        if (perSecond.isEmpty()) {
            return Optional.empty();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(publisher, key -> newBucket(perSecond.get()))
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    public Optional<Integer> perSecond() {
        return perSecond;
    }

    private static Bucket newBucket(int perSecond) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build();
    }
}
