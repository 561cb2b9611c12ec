package io.eventgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventgate.support.NodeRun;
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
            NodeRun.run(E2E, "npm-install", List.of("npm", "install", "--no-audit", "--no-fund"), Map.of());
        }
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.packaged(), "live-page",
                Map.of(), Path.of("target/e2e"))) {
            NodeRun.run(E2E, "live-page-test", List.of("node", "--test", "live-page.test.mjs"),
                    Map.of("EVENTGATE_URL", service.base().toString().replaceAll("/$", ""),
                            "CHROMIUM", System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")));
        }
        assertThat(E2E.resolve("artifacts/live-page.png")).isRegularFile();
    }
}
