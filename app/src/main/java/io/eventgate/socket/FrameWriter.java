package io.eventgate.socket;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Writes server frames as JSON text.
 */
@Singleton
public class FrameWriter {

    private final ObjectWriter writer;

    FrameWriter(ObjectMapper mapper) {
        this.writer = mapper.writerFor(ServerFrame.class);
    }

    public String write(ServerFrame frame) {
        try {
            return writer.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A frame of strings and JSON nodes always serialises", e);
        }
    }
}
