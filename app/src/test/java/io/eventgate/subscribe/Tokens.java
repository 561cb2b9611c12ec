package io.eventgate.subscribe;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Tokens as a backend with its own JWT library would make them, good and bad. */
final class Tokens {

    private Tokens() {
    }

    static JwtClaimsBuilder claims(String sub, List<String> rooms, Duration ttl) {
        return Jwt.subject(sub).issuer(TestKeys.ISSUER).claim(SubscriberTokens.ROOMS_CLAIM, rooms)
                .expiresAt(Instant.now().plus(ttl));
    }

    static String rs256(String sub, List<String> rooms, Duration ttl) {
        return rs256(claims(sub, rooms, ttl), TestKeys.RSA.getPrivate());
    }

    static String rs256(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    static String hs256(String sub, List<String> rooms, Duration ttl) {
        return claims(sub, rooms, ttl).jws().algorithm(SignatureAlgorithm.HS256).sign(TestKeys.HMAC);
    }
}
