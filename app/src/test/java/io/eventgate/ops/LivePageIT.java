package io.eventgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.eventgate.testing.ServiceProcess;

/**
 * The live page at {@code /} in a real browser: the packaged service, and {@code e2e/} (Node's test
 * runner, playwright-core driving Debian's chromium) against it. Leaves the screenshot in
 * {@code e2e/artifacts/live-page.png}.
 */
class LivePageIT {

    private static final Path E2E = Path.of("../e2e");

    @Test
    void showsAnEventPublishedToARoomItJoined() throws Exception {
        if (!Files.isDirectory(E2E.resolve("node_modules/playwright-core"))) {
            run("npm-install", List.of("npm", "install", "--no-audit", "--no-fund"), Map.of());
        }
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.packaged(), "live-page",
                Map.of(), Path.of("target/e2e"))) {
            run("live-page-test", List.of("node", "--test", "live-page.test.mjs"),
                    Map.of("EVENTGATE_URL", service.base().toString().replaceAll("/$", ""),
                            "CHROMIUM", System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")));
        }
        assertThat(E2E.resolve("artifacts/live-page.png")).isRegularFile();
    }

    /**
     * Runs {@code command} in {@code e2e/} and fails with its output unless it succeeds. Its output goes
     * to {@code target/e2e/<name>.log} and its input is empty: a child that shared this JVM's standard
     * streams would write into, and (node sets them non-blocking) break, the channel between the
     * test JVM and Maven.
     */
    private static void run(String name, List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        Path log = Path.of("target/e2e", name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(E2E.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
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
