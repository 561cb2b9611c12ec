package io.eventgate.logger;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import org.jboss.logging.Logger.Level;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One thing that happened.
 *
 * @param timestamp when it happened
 * @param level its severity
 * @param logger the name of the logger it went through; stamped by the injected logger
 * @param context what it is about, such as the event name ({@code order.created})
 * @param message a short human summary
 * @param data the full details as structured JSON; {@link NullNode} when there are none
 * @param attributes small string facts for search and correlation (event id, room, connection id...)
 */
public record EventLogRecord(Instant timestamp, Level level, String logger, String context, String message,
        JsonNode data, Map<String, String> attributes) {

    /** The logger name of a record that has not gone through a named logger yet. */
    public static final String UNNAMED = "";

    public EventLogRecord {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(logger, "logger");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(message, "message");
        data = data == null ? NullNode.getInstance() : data;
        attributes = attributes == null ? Map.of() : attributes instanceof Attributes ? attributes : Map.copyOf(attributes);
    }

    /** Starts an {@code INFO} record about {@code context}, timestamped now. */
    public static Builder builder(String context, String message) {
        return new Builder(context, message);
    }

    /** This record as logged through the logger called {@code name}. */
    public EventLogRecord withLogger(String name) {
        return name.equals(logger) ? this : new EventLogRecord(timestamp, level, name, context, message, data, attributes);
    }

    /** Builds an {@link EventLogRecord}; only context and message are required. */
    public static final class Builder {

        /** As many attributes as the records on a hot path have; more still fit, in a larger array. */
        private static final int TYPICAL_ATTRIBUTES = 5;

        private final String context;
        private final String message;
        private Instant timestamp;
        private Level level = Level.INFO;
        private JsonNode data = NullNode.getInstance();
        /** Keys and values in turn: they become the record's map as they are. */
        private String[] attributes = new String[2 * TYPICAL_ATTRIBUTES];
        private int attributeCount;
        /** Whether a built record holds {@link #attributes}. */
        private boolean built;

        private Builder(String context, String message) {
            this.context = context;
            this.message = message;
        }

        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public Builder level(Level level) {
            this.level = level;
            return this;
        }

        public Builder data(JsonNode data) {
            this.data = data;
            return this;
        }

        /** Adds a small string fact, or replaces the one of the same key; a {@code null} value is left out. */
        public Builder attribute(String key, String value) {
            Objects.requireNonNull(key, "key");
            if (value == null) {
                return this;
            }
            if (built) {
                attributes = Arrays.copyOf(attributes, attributes.length);
                built = false;
            }
            for (int i = 0; i < attributeCount; i++) {
                if (attributes[2 * i].equals(key)) {
                    attributes[2 * i + 1] = value;
                    return this;
                }
            }
            if (2 * attributeCount == attributes.length) {
                attributes = Arrays.copyOf(attributes, 2 * attributes.length);
            }
            attributes[2 * attributeCount] = key;
            attributes[2 * attributeCount + 1] = value;
            attributeCount++;
            return this;
        }

        public EventLogRecord build() {
            return new EventLogRecord(timestamp == null ? Instant.now() : timestamp, level, UNNAMED, context, message,
                    data, attributes());
        }

        /** A built record keeps the array: changed later, the builder changes a copy of it. */
        private Map<String, String> attributes() {
            built = true;
            return new Attributes(attributes, attributeCount);
        }
    }
}
