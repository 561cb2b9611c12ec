package io.eventgate.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.eventgate.testing.RedisProcess;

/**
 * One replica of the service: the packaged application in a process of its own, on a free port.
 */
final class ServiceNode implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a replica with {@code env} on top of the defaults, and waits until it is ready. */
    static ServiceNode start(String name, Map<String, String> env) throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the integration tests through 'mvn verify'");
        }
        int port = RedisProcess.freePort();
        Path log = Path.of("target/cluster/" + name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().putAll(env);
        ServiceNode node = new ServiceNode(name, port, builder.start(), log);
        node.awaitReady();
        return node;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The body of {@code /q/health/ready}. */
    String readiness() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base().resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** What the replica printed so far. */
    String log() throws IOException {
        return Files.readString(log);
    }

    /** Asks the process to stop (SIGTERM), as a platform scaling down does, and waits for it. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    @Override
    public String toString() {
        return name + " on port " + port;
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(this + " exited during start; see target/cluster/" + name + ".log");
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(base().resolve("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200 && !ready.body().contains("degraded")) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException(this + " was not ready within " + START_TIMEOUT);
    }
}
