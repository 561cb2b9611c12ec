package io.eventgate.history;

import java.util.HashMap;
import java.util.Map;

import io.eventgate.testing.RedisProcess;
import io.quarkus.test.junit.QuarkusTestProfile;

/** One replica on the Redis backplane, against a real redis-server: the history is the cluster's, in Redis. */
public class RedisBackplaneProfile implements QuarkusTestProfile {

    static final RedisProcess REDIS = RedisProcess.of(RedisBackplaneProfile.class);

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(Map.of("eventgate.fanout", "redis", "quarkus.redis.hosts",
                redis().url()));
        overrides.putAll(limits());
        return overrides;
    }

    RedisProcess redis() {
        return REDIS;
    }

    /** Retention beyond the defaults, for the profiles that test it. */
    Map<String, String> limits() {
        return Map.of();
    }

    /** The Redis backplane with the short history of {@link HistoryLimitsProfile}. */
    public static class Limited extends RedisBackplaneProfile {

        @Override
        Map<String, String> limits() {
            return new HistoryLimitsProfile().getConfigOverrides();
        }
    }

    /** The Redis backplane on a server of its own, that a test stops and empties. */
    public static class Outage extends RedisBackplaneProfile {

        static final RedisProcess REDIS = RedisProcess.of(Outage.class);

        @Override
        RedisProcess redis() {
            return REDIS;
        }

        @Override
        Map<String, String> limits() {
            return Map.of("eventgate.backplane.publish-timeout", "300ms", "eventgate.backplane.max-reconnect-backoff",
                    "500ms");
        }
    }
}
