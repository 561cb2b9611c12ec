package io.eventgate.publish;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.eventgate.event.NameRules;
import io.eventgate.event.PublishRequest;
import io.eventgate.http.ProblemException;
import io.eventgate.json.JsonBodyReader;

/**
 * Turns a {@code POST /events} body into a {@link PublishRequest}, strictly: no type coercion, no
 * unknown or duplicate fields, one JSON value, and a message that says where the problem is.
 */
@Singleton
public class PublishRequestParser {

    private static final String EVENT = "event";
    private static final String ROOM = "room";
    private static final String DATA = "data";
    private static final List<String> FIELDS = List.of(EVENT, ROOM, DATA);
    private static final String EXAMPLE = "{\"event\":\"order.created\",\"room\":\"r1\",\"data\":{}}";

    private final JsonBodyReader reader;

    public PublishRequestParser(JsonBodyReader reader) {
        this.reader = reader;
    }

    /**
     * @throws ProblemException 400 with a detail naming the field, or the line and column of broken JSON; 413; 415
     */
    public PublishRequest parse(byte[] body, String contentType) {
        JsonNode root = reader.object(body, contentType, FIELDS, EXAMPLE);
        String event = JsonBodyReader.optionalString(root, EVENT)
                .orElseThrow(() -> ProblemException.badRequest("invalid-event", "Field 'event' is required"));
        NameRules.eventNameProblem(event).ifPresent(problem -> {
            throw ProblemException.badRequest("invalid-event", "Field 'event' " + problem);
        });
        Optional<String> room = JsonBodyReader.optionalString(root, ROOM);
        room.flatMap(NameRules::roomNameProblem).ifPresent(problem -> {
            throw ProblemException.badRequest("invalid-room", "Field 'room' " + problem);
        });
        JsonNode data = root.has(DATA) ? root.get(DATA) : NullNode.getInstance();
        return new PublishRequest(event, room, data);
    }
}
