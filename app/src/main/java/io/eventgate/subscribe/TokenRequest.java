package io.eventgate.subscribe;

import java.time.Duration;
import java.util.List;

/**
 * A {@code POST /tokens} body: who the token is for, the rooms it grants, and how long it lasts.
 */
public record TokenRequest(String sub, List<String> rooms, Duration ttl) {

    public TokenRequest {
        rooms = List.copyOf(rooms);
    }
}
