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

    @Test
    void aBuilderChangedAfterBuildingLeavesTheBuiltRecordAsItWas() {
        EventLogRecord.Builder builder = EventLogRecord.builder("order.created", "created").attribute("eventId", "e1");
        EventLogRecord first = builder.build();

        EventLogRecord second = builder.attribute("eventId", "e2").attribute("room", "r1").build();

        assertThat(first.attributes()).isEqualTo(Map.of("eventId", "e1"));
        assertThat(second.attributes()).isEqualTo(Map.of("eventId", "e2", "room", "r1"));
    }

    @Test
    void attributesAreAMapLikeAnyOtherAndCannotBeChangedThroughTheirEntries() {
        Map<String, String> attributes = EventLogRecord.builder("c", "m").attribute("a", "1").attribute("b", "2").build()
                .attributes();

        assertThat(attributes).isEqualTo(Map.of("b", "2", "a", "1")).hasSameHashCodeAs(Map.of("a", "1", "b", "2"))
                .containsKey("b").doesNotContainKey("c");
        assertThat(attributes.get("a")).isEqualTo("1");
        Map.Entry<String, String> entry = attributes.entrySet().iterator().next();
        assertThatThrownBy(() -> entry.setValue("3")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> attributes.entrySet().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
    }
}
