package io.eventgate.subscribe;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Subscriber auth on with an HS256 secret, an {@code oct} JWK for verifying and signing. */
public class Hs256Profile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String jwk = TestKeys.hmacJwkLocation();
        return Map.of(
                "eventgate.subscribe.auth", "required",
                "smallrye.jwt.verify.key.location", jwk,
                "smallrye.jwt.verify.algorithm", "HS256",
                "mp.jwt.verify.issuer", TestKeys.ISSUER,
                "smallrye.jwt.sign.key.location", jwk);
    }
}
