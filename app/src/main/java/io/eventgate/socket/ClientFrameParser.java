package io.eventgate.socket;

import java.util.Optional;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.eventgate.event.NameRules;
import io.eventgate.json.UnpairedSurrogates;

/**
 * Reads a client's text frame into a {@link ClientFrame}, or says what is wrong with it.
 */
@Singleton
class ClientFrameParser {

    private final ObjectReader reader;

    ClientFrameParser(ObjectMapper mapper) {
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * @throws FrameException when the frame is not JSON, not an object, or not a known frame
     */
    ClientFrame parse(String frame) {
        JsonNode root = read(frame);
        UnpairedSurrogates.pathIn(root).ifPresent(path -> {
            throw new FrameException("The string at '" + path + "' holds an unpaired UTF-16 surrogate "
                    + "(a \\u escape of half a pair); send whole characters");
        });
        if (!root.isObject()) {
            throw new FrameException("A frame must be a JSON object with a 'type', such as {\"type\":\"ping\"}");
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            throw new FrameException("A frame needs a string 'type': join, leave, ping or auth");
        }
        return switch (type.textValue()) {
            case "join" -> new ClientFrame.Join(room(root), since(root));
            case "leave" -> new ClientFrame.Leave(room(root));
            case "ping" -> new ClientFrame.Ping();
            case "auth" -> new ClientFrame.Auth(token(root));
            default -> throw new FrameException("Unknown frame type '" + type.textValue()
                    + "'; use join, leave, ping or auth");
        };
    }

    private JsonNode read(String frame) {
        try {
            return reader.readTree(frame);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? "" : " at column " + location.getColumnNr();
            throw new FrameException("Malformed JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private static Optional<String> since(JsonNode root) {
        JsonNode since = root.get("since");
        if (since == null || since.isNull()) {
            return Optional.empty();
        }
        if (!since.isTextual()) {
            throw new FrameException("Field 'since' must be an offset string, as the event frames carry");
        }
        return Optional.of(since.textValue());
    }

    private static String token(JsonNode root) {
        JsonNode token = root.get("token");
        if (token == null || !token.isTextual() || token.textValue().isEmpty()) {
            throw new FrameException("Field 'token' (a JWT string) is required for auth");
        }
        return token.textValue();
    }

    private static String room(JsonNode root) {
        JsonNode room = root.get("room");
        if (room == null || room.isNull()) {
            throw new FrameException("Field 'room' is required for " + root.get("type").textValue());
        }
        if (!room.isTextual()) {
            throw new FrameException("Field 'room' must be a string");
        }
        String name = room.textValue();
        NameRules.roomNameProblem(name).ifPresent(problem -> {
            throw new FrameException("Invalid room: 'room' " + problem);
        });
        return name;
    }
}
