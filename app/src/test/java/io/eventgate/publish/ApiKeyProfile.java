package io.eventgate.publish;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

public class ApiKeyProfile implements QuarkusTestProfile {

    static final String KEY = "s3cret-key-one";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("eventgate.api-keys", KEY + ",another-key");
    }
}
