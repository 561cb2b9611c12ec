package io.eventgate.socket;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every frame the server sends (docs/protocol.md section 2), written as JSON with its {@code type} first.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerFrame.Welcome.class, name = "welcome"),
        @JsonSubTypes.Type(value = ServerFrame.Joined.class, name = "joined"),
        @JsonSubTypes.Type(value = ServerFrame.Left.class, name = "left"),
        @JsonSubTypes.Type(value = ServerFrame.Pong.class, name = "pong"),
        @JsonSubTypes.Type(value = ServerFrame.Error.class, name = "error"),
        @JsonSubTypes.Type(value = ServerFrame.Authenticated.class, name = "authenticated"),
        @JsonSubTypes.Type(value = ServerFrame.Event.class, name = "event")
})
@RegisterForReflection
public sealed interface ServerFrame {

    /**
     * The first frame of every connection; {@code sub} only when subscriber auth is on,
     * {@code recovered} only when it connected with {@code since}.
     */
    @RegisterForReflection
    record Welcome(String connectionId, @JsonInclude(JsonInclude.Include.NON_NULL) String sub,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean recovered) implements ServerFrame {
    }

    /** A refreshed token is in force until {@code expiresAt} (ISO-8601). */
    @RegisterForReflection
    record Authenticated(String expiresAt) implements ServerFrame {
    }

    /** From this frame on, the socket gets the room's events; {@code recovered} only for a join with {@code since}. */
    @RegisterForReflection
    record Joined(String room, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean recovered) implements ServerFrame {
    }

    /** The socket no longer gets the room's events. */
    @RegisterForReflection
    record Left(String room) implements ServerFrame {
    }

    /** The answer to a ping. */
    @RegisterForReflection
    record Pong() implements ServerFrame {
    }

    /** The client sent something the server could not act on; the connection stays open. */
    @RegisterForReflection
    record Error(String message) implements ServerFrame {
    }

    /**
     * A published event. {@code room} is left out for a broadcast; {@code data} is always present,
     * {@code null} when the publisher sent none.
     */
    @JsonPropertyOrder({ "id", "event", "room", "data", "timestamp", "offset" })
    @RegisterForReflection
    record Event(String id, String event, @JsonInclude(JsonInclude.Include.NON_NULL) String room, JsonNode data,
            String timestamp, @JsonInclude(JsonInclude.Include.NON_NULL) String offset) implements ServerFrame {
    }
}
