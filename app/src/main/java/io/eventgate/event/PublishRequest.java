package io.eventgate.event;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A valid request to publish: names already checked against {@link NameRules}.
 *
 * @param event the event name
 * @param room the target room; empty for every socket
 * @param data the payload; a JSON {@code null} when there was none
 */
public record PublishRequest(String event, Optional<String> room, JsonNode data) {

    public PublishRequest {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(data, "data");
    }
}
