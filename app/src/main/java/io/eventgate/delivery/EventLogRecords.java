package io.eventgate.delivery;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.eventgate.event.AcceptedEvent;
import io.eventgate.logger.EventLogRecord;

/**
 * The log records of docs/protocol.md section 3: one per accepted event, one per socket it was sent to.
 */
final class EventLogRecords {

    static final String EVENT_ID = "eventId";
    static final String ROOM = "room";
    static final String CONNECTION_ID = "connectionId";
    static final String NODE = "node";
    static final String SUB = "sub";

    /** Long enough to recognise the payload, short enough for one log line. */
    private static final int SUMMARY_LENGTH = 160;

    private EventLogRecords() {
    }

    static EventLogRecord accepted(AcceptedEvent event) {
        return EventLogRecord.builder(event.event(), summary(event.data()))
                .timestamp(event.acceptedAt())
                .data(event.data())
                .attribute(EVENT_ID, event.id())
                .attribute(ROOM, event.room().orElse(null))
                .build();
    }

    /**
     * @param sub the socket's subscriber (docs/protocol.md section 6); {@code null} without subscriber auth
     * @param sentAt when the frame was written to the socket
     */
    static EventLogRecord delivered(Delivery delivery, String connectionId, String sub, String node, Instant sentAt) {
        return EventLogRecord.builder(delivery.event(), "event sent to: " + connectionId)
                .timestamp(sentAt)
                .attribute(EVENT_ID, delivery.id())
                .attribute(ROOM, delivery.room().orElse(null))
                .attribute(CONNECTION_ID, connectionId)
                .attribute(SUB, sub)
                .attribute(NODE, node)
                .build();
    }

    /**
     * {@code orderId: cfa3..., total: 12} for an object: its top-level fields, nested values
     * abbreviated; the value itself for anything else; cut at {@value #SUMMARY_LENGTH} characters.
     */
    static String summary(JsonNode data) {
        if (data.isNull()) {
            return "(no data)";
        }
        if (!data.isObject()) {
            return cut(data.isTextual() ? data.textValue() : data.toString());
        }
        StringBuilder summary = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext()
                && summary.length() < SUMMARY_LENGTH;) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (summary.length() > 0) {
                summary.append(", ");
            }
            summary.append(field.getKey()).append(": ").append(scalar(field.getValue()));
        }
        return summary.length() == 0 ? "{}" : cut(summary.toString());
    }

    private static String scalar(JsonNode value) {
        if (value.isObject()) {
            return "{...}";
        }
        if (value.isArray()) {
            return "[" + value.size() + " items]";
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static String cut(String text) {
        return text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH - 1) + "…";
    }
}
