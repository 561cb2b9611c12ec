package io.eventgate.logger.test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.eventgate.logger.EventLogRecord;

/** Records as the tests log them. */
public final class Records {

    private Records() {
    }

    public static EventLogRecord numbered(String context, int n) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("n", n).put("orderId", "order-" + n);
        return EventLogRecord.builder(context, "record " + n).data(data).attribute("eventId", "event-" + n).build();
    }
}
