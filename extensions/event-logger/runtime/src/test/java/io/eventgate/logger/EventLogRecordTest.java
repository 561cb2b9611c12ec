package io.eventgate.logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EventLogRecordTest {

    @Test
    void attributesKeepTheLastValueOfAKeyAndLeaveNullsOut() {
        EventLogRecord record = EventLogRecord.builder("order.created", "created")
                .attribute("eventId", "e1").attribute("room", null).attribute("eventId", "e2").attribute("node", "n")
                .build();

        assertThat(record.attributes()).isEqualTo(Map.of("eventId", "e2", "node", "n"));
    }

    @Test
    void anyNumberOfAttributesIsKept() {
        EventLogRecord.Builder builder = EventLogRecord.builder("order.created", "created");
        for (int i = 0; i < 12; i++) {
            builder.attribute("key" + i, "value" + i);
        }

        Map<String, String> attributes = builder.build().attributes();

        assertThat(attributes).hasSize(12).containsEntry("key0", "value0").containsEntry("key11", "value11");
        assertThatThrownBy(() -> attributes.put("key12", "value12")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyCountUpToTheTypicalOneMakesTheSameMap() {
        for (int count = 0; count <= 6; count++) {
            EventLogRecord.Builder builder = EventLogRecord.builder("c", "m");
            for (int i = 0; i < count; i++) {
                builder.attribute("key" + i, "value" + i);
            }

            Map<String, String> attributes = builder.build().attributes();

            assertThat(attributes).hasSize(count);
            for (int i = 0; i < count; i++) {
                assertThat(attributes).containsEntry("key" + i, "value" + i);
            }
        }
    }
}
