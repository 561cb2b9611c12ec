package io.eventgate.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import io.eventgate.testing.CapturedLogs;
import io.quarkus.arc.Arc;

/**
 * The ERROR lines the service writes while a test runs: its log records when it runs in the test's
 * JVM ({@code @QuarkusTest}), the lines it prints to {@code target/quarkus.log} when it is the
 * packaged jar or native executable in a process of its own ({@code @QuarkusIntegrationTest}).
 */
public final class ErrorLines implements AutoCloseable {

    private static final Path PROCESS_LOG = Path.of("target/quarkus.log");

    private final CapturedLogs captured;
    private final long offset;

    private ErrorLines(CapturedLogs captured, long offset) {
        this.captured = captured;
        this.offset = offset;
    }

    /** Starts watching from now on. */
    public static ErrorLines watch() {
        if (Arc.container() != null) {
            return new ErrorLines(CapturedLogs.install(), 0);
        }
        try {
            return new ErrorLines(null, Files.exists(PROCESS_LOG) ? Files.size(PROCESS_LOG) : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was logged at ERROR or above since {@link #watch()}. */
    public List<String> found() {
        if (captured != null) {
            return captured.all().stream().filter(record -> record.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(record -> record.getLoggerName() + ": " + record.getMessage()).toList();
        }
        try {
            byte[] all = Files.exists(PROCESS_LOG) ? Files.readAllBytes(PROCESS_LOG) : new byte[0];
            String since = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
            // Plain lines or, as the packaged service writes its file there, JSON objects.
            return since.lines().filter(line -> line.contains(" ERROR ") || line.contains("\"level\":\"ERROR\"")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (captured != null) {
            captured.close();
        }
    }
}
