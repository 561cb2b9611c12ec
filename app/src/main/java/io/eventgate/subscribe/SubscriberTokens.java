package io.eventgate.subscribe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a subscriber's token with smallrye-jwt ({@link JWTParser}: signature, algorithm, issuer
 * as configured) and reads its claims: {@code sub} and {@code exp} required, {@code rooms} an array
 * of room grants. A token past its {@code exp} is refused whatever clock skew the verifier allows,
 * so that the handshake and the expiry close agree.
 */
@Singleton
public class SubscriberTokens {

    /** The claim that lists the rooms a token grants. */
    public static final String ROOMS_CLAIM = "rooms";

    private static final Logger LOG = Logger.getLogger(SubscriberTokens.class);

    private final JWTParser parser;
    private final boolean remoteKeys;

    public SubscriberTokens(JWTParser parser,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation) {
        this.parser = parser;
        this.remoteKeys = keyLocation.map(location -> location.startsWith("http:") || location.startsWith("https:"))
                .orElse(false);
    }

    /**
     * Whether verifying may wait for the network: keys fetched over HTTP (a JWKS address), which
     * smallrye-jwt fetches on first use and on refresh. Such a verification runs on a worker thread,
     * as quarkus-smallrye-jwt runs its own then; local keys are verified in place.
     */
    public boolean mayBlock() {
        return remoteKeys;
    }

    /**
     * @throws InvalidTokenException when the token is malformed, badly signed, expired, or lacks a claim
     */
    public Subscriber verify(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            // jose4j's reasons (in the cause) can quote the whole token: kept for the debug log.
            LOG.debugf(e, "A subscriber token was refused");
            throw new InvalidTokenException("The token is not valid: malformed, badly signed, expired or of another "
                    + "issuer (" + e.getMessage() + ")", e);
        }
        String sub = jwt.getSubject();
        if (sub == null || sub.isBlank()) {
            throw new InvalidTokenException("The token has no 'sub' claim");
        }
        if (jwt.getExpirationTime() <= 0) {
            throw new InvalidTokenException("The token has no 'exp' claim");
        }
        Instant expiresAt = Instant.ofEpochSecond(jwt.getExpirationTime());
        if (!expiresAt.isAfter(Instant.now())) {
            throw new InvalidTokenException("The token expired at " + expiresAt);
        }
        return new Subscriber(sub, expiresAt, RoomGrant.of(rooms(jwt)));
    }

    private static List<String> rooms(JsonWebToken jwt) {
        if (!jwt.containsClaim(ROOMS_CLAIM)) {
            return List.of();
        }
        JsonValue claim = jwt.getClaim(ROOMS_CLAIM) instanceof JsonValue value ? value : JsonValue.NULL;
        if (!(claim instanceof JsonArray array)) {
            throw new InvalidTokenException("The token's 'rooms' claim must be an array of room names");
        }
        List<String> rooms = new ArrayList<>(array.size());
        for (JsonValue entry : array) {
            if (!(entry instanceof JsonString room)) {
                throw new InvalidTokenException("The token's 'rooms' claim must hold only strings");
            }
            rooms.add(room.getString());
        }
        return rooms;
    }
}
