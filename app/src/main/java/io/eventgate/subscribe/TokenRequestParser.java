package io.eventgate.subscribe;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.eventgate.config.EventgateConfig;
import io.eventgate.event.NameRules;
import io.eventgate.http.ProblemException;
import io.eventgate.json.JsonBodyReader;

/**
 * Turns a {@code POST /tokens} body into a {@link TokenRequest}: {@code sub} required,
 * {@code rooms} an array of room names or prefixes ending in {@code *}, {@code ttl} an ISO-8601
 * duration, cut to {@code eventgate.subscribe.max-token-ttl}.
 */
@Singleton
public class TokenRequestParser {

    private static final String SUB = "sub";
    private static final String ROOMS = "rooms";
    private static final String TTL = "ttl";
    private static final List<String> FIELDS = List.of(SUB, ROOMS, TTL);
    private static final String EXAMPLE = "{\"sub\":\"u1\",\"rooms\":[\"orders:u1:*\"],\"ttl\":\"PT10M\"}";
    private static final String WILDCARD = "*";

    private final JsonBodyReader reader;
    private final Duration defaultTtl;
    private final Duration maxTtl;

    public TokenRequestParser(JsonBodyReader reader, EventgateConfig config) {
        this.reader = reader;
        this.defaultTtl = config.subscribe().defaultTokenTtl();
        this.maxTtl = config.subscribe().maxTokenTtl();
    }

    /**
     * @throws ProblemException 400 naming the field that is wrong; 413; 415
     */
    public TokenRequest parse(byte[] body, String contentType) {
        JsonNode root = reader.object(body, contentType, FIELDS, EXAMPLE);
        String sub = JsonBodyReader.optionalString(root, SUB).filter(value -> !value.isBlank())
                .orElseThrow(() -> ProblemException.badRequest("invalid-sub", "Field 'sub' (who the token is for) is "
                        + "required"));
        return new TokenRequest(sub, rooms(root.get(ROOMS)), ttl(root));
    }

    private static List<String> rooms(JsonNode rooms) {
        if (rooms == null || rooms.isNull()) {
            return List.of();
        }
        if (!rooms.isArray()) {
            throw ProblemException.badRequest("invalid-rooms", "Field 'rooms' must be an array of room names, not "
                    + JsonBodyReader.typeOf(rooms));
        }
        List<String> grants = new ArrayList<>(rooms.size());
        for (JsonNode room : rooms) {
            if (!room.isTextual()) {
                throw ProblemException.badRequest("invalid-rooms", "Field 'rooms' must hold only strings, not "
                        + JsonBodyReader.typeOf(room));
            }
            String grant = room.textValue();
            String name = grant.endsWith(WILDCARD) ? grant.substring(0, grant.length() - WILDCARD.length()) : grant;
            if (!name.isEmpty() || !grant.endsWith(WILDCARD)) {
                NameRules.roomNameProblem(name).ifPresent(problem -> {
                    throw ProblemException.badRequest("invalid-rooms", "Room '" + grant + "' in 'rooms': " + problem);
                });
            }
            grants.add(grant);
        }
        return grants;
    }

    private Duration ttl(JsonNode root) {
        String text = JsonBodyReader.optionalString(root, TTL).orElse(null);
        if (text == null) {
            return defaultTtl;
        }
        Duration ttl;
        try {
            ttl = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-ttl", "Field 'ttl' must be an ISO-8601 duration such as PT10M, "
                    + "not '" + text + "'");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw ProblemException.badRequest("invalid-ttl", "Field 'ttl' must be positive, not " + text);
        }
        return ttl.compareTo(maxTtl) > 0 ? maxTtl : ttl;
    }
}
