package io.eventgate.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.eventgate.event.EventFrame;

/** A frame closed with its offset is the frame Jackson writes with that offset: the offset is its last field. */
class EventFrameTest {

    private final FrameWriter writer = new FrameWriter(new ObjectMapper());
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void closingWithAnOffsetWritesTheSameFrameAsJackson() throws Exception {
        for (String room : new String[] { "r1", null }) {
            ServerFrame.Event without = new ServerFrame.Event("id-1", "order.created", room,
                    json.readTree("{\"a\":[1,\"}\"]}"), "2026-12-01T18:00:00.000Z", null);
            ServerFrame.Event with = new ServerFrame.Event(without.id(), without.event(), room, without.data(),
                    without.timestamp(), "0a1b-42");
            EventFrame frame = EventFrame.of(writer.write(without));
            assertThat(frame.close(Optional.of("0a1b-42"))).isEqualTo(writer.write(with));
            assertThat(frame.close(Optional.empty())).isEqualTo(writer.write(without));
        }
    }
}
