package io.eventgate.subscribe;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.WithDefault;

/**
 * Who may subscribe (docs/protocol.md section 6). Tokens are verified and signed with
 * {@code quarkus-smallrye-jwt}'s own keys: {@code mp.jwt.verify.publickey.location} (RS256/ES256, PEM or
 * JWKS) and {@code mp.jwt.verify.issuer}, or for HS256 {@code smallrye.jwt.verify.key.location} naming
 * an {@code oct} JWK with {@code smallrye.jwt.verify.algorithm=HS256}; {@code POST /tokens} signs with
 * {@code smallrye.jwt.sign.key.location}.
 */
public interface SubscribeConfig {

    /** Whether {@link #auth()} asks for a token. */
    enum Auth {
        /** Any client may open a socket and join any room; the service warns at start. */
        OFF,
        /** Every socket presents a signed token (JWT) at the handshake and joins only the rooms it grants. */
        REQUIRED
    }

    /**
     * {@code required}: every socket presents a JWT at the handshake ({@code ?token=} or
     * {@code Authorization: Bearer}), 401 without a valid one, and may join only the rooms its
     * {@code rooms} claim grants. {@code off}: anyone may read any room.
     */
    @WithDefault("off")
    Auth auth();

    /**
     * Rooms any socket may join without a grant, written like the entries of the {@code rooms}
     * claim: an exact name, or a prefix followed by {@code *} ({@code public:*}).
     */
    Optional<List<String>> publicRooms();

    /** The longest {@code ttl} {@code POST /tokens} signs for; a longer one is cut to it. */
    @WithDefault("24H")
    Duration maxTokenTtl();

    /** The lifetime of a token from {@code POST /tokens} that names no {@code ttl}. */
    @WithDefault("10M")
    Duration defaultTokenTtl();
}
