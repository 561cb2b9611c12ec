package io.eventgate.logger.runtime.console;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.eventgate.logger.EventLogRecord;
import io.eventgate.logger.EventLogStrategy;
import io.eventgate.logger.runtime.EventLoggerConfig;
import io.eventgate.logger.runtime.LoggerConfig.ConsoleFormat;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;

/**
 * Prints one line per record on standard output, plain or JSON as each logger's
 * {@code console.format} says: what a container platform collects from stdout.
 */
@Singleton
@Identifier(ConsoleLogStrategy.ID)
public class ConsoleLogStrategy implements EventLogStrategy {

    public static final String ID = "console";

    private final EventLoggerConfig config;
    private final ObjectMapper mapper;

    @Inject
    public ConsoleLogStrategy(EventLoggerConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    @Override
    public void log(EventLogRecord record) {
        System.out.println(line(record));
    }

    /** One write for the whole batch: a pipe to the container runtime is slow per call, not per byte. */
    @Override
    public Uni<Void> write(List<EventLogRecord> batch) {
        StringBuilder lines = new StringBuilder(batch.size() * 160);
        batch.forEach(record -> lines.append(line(record)).append(System.lineSeparator()));
        PrintStream out = System.out;
        out.print(lines);
        out.flush();
        return Uni.createFrom().voidItem();
    }

    /** Standard output can block when its reader is slow: keep it off the caller's thread. */
    @Override
    public boolean queued() {
        return true;
    }

    private String line(EventLogRecord record) {
        ConsoleFormat format = config.logger(record.logger()).console().format();
        return format == ConsoleFormat.JSON ? json(record) : plain(record);
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
