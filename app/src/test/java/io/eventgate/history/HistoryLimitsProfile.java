package io.eventgate.history;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A short history: five events per room, for two seconds, 8 KiB in all. */
public class HistoryLimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("eventgate.history.max-events", "5", "eventgate.history.ttl", "2S",
                "eventgate.history.max-bytes", "8K");
    }
}
