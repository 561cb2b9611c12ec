package io.eventgate.logger.runtime.console;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.eventgate.logger.EventLogRecord;
import io.eventgate.logger.EventLogStore;
import io.eventgate.logger.EventLogStrategy;
import io.eventgate.logger.runtime.LoggerConfig;
import io.eventgate.logger.runtime.LoggerConfig.ConsoleFormat;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;

/**
 * Prints one line per record on standard output, plain or JSON as each logger's
 * {@code console.format} says: what a container platform collects from stdout. Batched, because
 * standard output can block when its reader is slow.
 */
@Singleton
@Identifier(ConsoleLogStrategy.ID)
public class ConsoleLogStrategy implements EventLogStrategy {

    public static final String ID = "console";

    private final ObjectMapper mapper;

    @Inject
    public ConsoleLogStrategy(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public EventLogStore open(LoggerConfig logger) {
        ConsoleFormat format = logger.console().format();
        return (EventLogStore.Batched) batch -> print(batch, format);
    }

    /** One write for the whole batch: a pipe to the container runtime is slow per call, not per byte. */
    private Uni<Void> print(List<EventLogRecord> batch, ConsoleFormat format) {
        StringBuilder lines = new StringBuilder(batch.size() * 160);
        batch.forEach(record -> lines.append(format == ConsoleFormat.JSON ? json(record) : plain(record))
                .append(System.lineSeparator()));
        PrintStream out = System.out;
        out.print(lines);
        out.flush();
        return Uni.createFrom().voidItem();
    }

    private String json(EventLogRecord record) {
        try {
            return mapper.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            // A JsonNode and strings always serialise; keep the record rather than lose it.
            return plain(record);
        }
    }

    private static String plain(EventLogRecord record) {
        StringBuilder line = new StringBuilder(128)
                .append(record.timestamp()).append(' ')
                .append(record.level()).append(' ')
                .append('[').append(record.context()).append("] ")
                .append(record.message())
                .append(" logger=").append(record.logger());
        for (Map.Entry<String, String> attribute : record.attributes().entrySet()) {
            line.append(' ').append(attribute.getKey()).append('=').append(attribute.getValue());
        }
        if (!record.data().isNull()) {
            line.append(" data=").append(record.data());
        }
        return line.toString();
    }
}
