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
            assertThat(run(List.of("npm", "install", "--no-audit", "--no-fund"), Map.of())).as("npm install").isZero();
        }
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.packaged(), "live-page",
                Map.of(), Path.of("target/e2e"))) {
            int status = run(List.of("node", "--test", "live-page.test.mjs"),
                    Map.of("EVENTGATE_URL", service.base().toString().replaceAll("/$", ""),
                            "CHROMIUM", System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")));
            assertThat(status).as("node --test live-page.test.mjs (output above)").isZero();
        }
        assertThat(E2E.resolve("artifacts/live-page.png")).isRegularFile();
    }

    private static int run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(E2E.toFile()).inheritIO();
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
