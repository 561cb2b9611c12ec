package io.eventgate.subscribe;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Subscriber auth on, RS256 keys in PEM files, an issuer, public rooms, an API key. */
public class Rs256Profile implements QuarkusTestProfile {

    static final String API_KEY = "tokens-key";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "eventgate.subscribe.auth", "required",
                "eventgate.subscribe.public-rooms", "public:*,lobby",
                "eventgate.api-keys", API_KEY,
                "mp.jwt.verify.publickey.location", TestKeys.publicKeyLocation(),
                "mp.jwt.verify.issuer", TestKeys.ISSUER,
                "smallrye.jwt.sign.key.location", TestKeys.privateKeyLocation());
    }
}
