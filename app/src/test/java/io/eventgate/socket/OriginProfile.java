package io.eventgate.socket;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** One foreign origin allowed besides the service's own. */
public class OriginProfile implements QuarkusTestProfile {

    static final String ALLOWED = "https://app.example.com";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("eventgate.socket.allowed-origins", ALLOWED + "/");
    }
}
