package io.eventgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a Node.js command (npm, node --test) for a test, bounded in time. */
public final class NodeRun {

    private NodeRun() {
    }

    /**
     * Runs {@code command} in {@code directory} and fails with its output unless it succeeds. Its
     * output goes to {@code target/e2e/<name>.log} and its input is empty: a child that shared this
     * JVM's standard streams would write into, and (node sets them non-blocking) break, the channel
     * between the test JVM and Maven.
     */
    public static void run(Path directory, String name, List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        Path log = Path.of("target/e2e", name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended && process.exitValue() == 0).as("%s exited %s:%n%s", String.join(" ", command),
                ended ? process.exitValue() : "(timed out)", Files.readString(log)).isTrue();
    }
}
