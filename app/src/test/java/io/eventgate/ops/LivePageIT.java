package io.eventgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.eventgate.support.NodeRun;
import io.eventgate.testing.RedisProcess;
import io.eventgate.testing.ServiceProcess;

/**
 * The live page at {@code /} in a real browser: the packaged service, and {@code e2e/} (Node's test
 * runner, playwright-core driving Debian's chromium) against it. Two replicas share a real Redis;
 * the test stops the page's replica (SIGTERM) halfway and publishes to the other while the page is
 * away; a new replica takes the port, and the page must resume: the event of its absence, then live
 * ones. Leaves the screenshot in {@code e2e/artifacts/live-page.png}.
 */
class LivePageIT {

    private static final Path E2E = Path.of("../e2e");
    private static final RedisProcess REDIS = RedisProcess.of(LivePageIT.class);

    @Test
    void showsAnEventPublishedToARoomItJoined() throws Exception {
        if (!Files.isDirectory(E2E.resolve("node_modules/playwright-core"))) {
            NodeRun.run(E2E, "npm-install", List.of("npm", "install", "--no-audit", "--no-fund"), Map.of());
        }
        Path logs = Path.of("target/e2e");
        Map<String, String> cluster = Map.of("EVENTGATE_FANOUT", "redis", "QUARKUS_REDIS_HOSTS", REDIS.url());
        ServiceProcess other = ServiceProcess.start(ServiceProcess.packaged(), "live-page-other", cluster, logs);
        ServiceProcess first = ServiceProcess.start(ServiceProcess.packaged(), "live-page", cluster, logs);
        String port = Integer.toString(first.base().getPort());
        // The replacement starts once the first has exited, as a restarted pod would.
        CompletableFuture<ServiceProcess> second = CompletableFuture.supplyAsync(() -> {
            try {
                ProcessHandle.of(first.pid()).ifPresent(handle -> handle.onExit().join());
                Map<String, String> env = new HashMap<>(cluster);
                env.put("PORT", port);
                return ServiceProcess.start(ServiceProcess.packaged(), "live-page-restarted", env, logs);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        try {
            NodeRun.run(E2E, "live-page-test", List.of("node", "--test", "live-page.test.mjs"),
                    Map.of("EVENTGATE_URL", first.base().toString().replaceAll("/$", ""),
                            "EVENTGATE_PID", Long.toString(first.pid()),
                            "EVENTGATE_OTHER_URL", other.base().toString().replaceAll("/$", ""),
                            "CHROMIUM", System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")));
        } finally {
            first.close();
            second.get(60, TimeUnit.SECONDS).close();
            other.close();
        }
        assertThat(E2E.resolve("artifacts/live-page.png")).isRegularFile();
    }
}
