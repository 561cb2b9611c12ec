package io.eventgate.delivery;

import java.util.Map;

import io.eventgate.testing.MongoEndpoint;
import io.eventgate.testing.RedisProcess;
import io.quarkus.test.junit.QuarkusTestProfile;

/** The documented "stores" profile, against a real redis-server and a MongoDB wire-protocol server. */
public class StoresProfile implements QuarkusTestProfile {

    static final RedisProcess REDIS = RedisProcess.of(StoresProfile.class);
    static final MongoEndpoint MONGO = MongoEndpoint.start();

    @Override
    public String getConfigProfile() {
        return "stores";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.redis.hosts", REDIS.url(),
                "quarkus.mongodb.connection-string", MONGO.url(),
                "quarkus.event-logger.\"events\".queue.flush-interval", "20ms",
                "quarkus.event-logger.\"deliveries\".queue.flush-interval", "20ms");
    }
}
