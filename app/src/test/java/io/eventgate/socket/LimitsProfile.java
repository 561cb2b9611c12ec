package io.eventgate.socket;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Small limits, so that a test can reach them. */
public class LimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("eventgate.socket.max-connections", "3", "eventgate.publish.rate-limit", "5");
    }
}
