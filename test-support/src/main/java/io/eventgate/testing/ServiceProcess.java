package io.eventgate.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One replica of the service: the packaged application in a process of its own, on a free port,
 * printing to {@code <logs>/<name>.log}. The application is the fast-jar, or the native executable
 * when the build names it (the {@code native} profile sets {@value #ARTIFACT}).
 */
public final class ServiceProcess implements AutoCloseable {

    /** The system property naming the packaged service to run: a {@code .jar}, or a native executable. */
    public static final String ARTIFACT = "eventgate.it.artifact";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final boolean isNative;

    private ServiceProcess(String name, int port, Process process, Path log, boolean isNative) {
        this.isNative = isNative;
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** The packaged service of this build: {@value #ARTIFACT}, by default the fast-jar. */
    public static Path packaged() {
        return Path.of(System.getProperty(ARTIFACT, "target/quarkus-app/quarkus-run.jar"));
    }

    /** Whether {@code artifact} is a native executable rather than a jar. */
    private static boolean nativeExecutable(Path artifact) {
        return !artifact.toString().endsWith(".jar");
    }

    /**
     * Starts {@code jar} with {@code env} on top of this process's environment, and waits until it
     * is ready (and not degraded).
     */
    public static ServiceProcess start(Path jar, String name, Map<String, String> env, Path logs)
            throws IOException, InterruptedException {
        return start(jar, name, env, logs, List.of());
    }

    /**
     * As {@link #start(Path, String, Map, Path)}, with {@code jvmOptions} such as {@code -Xmx256m} (a
     * native executable takes the {@code -X} memory options too).
     */
    public static ServiceProcess start(Path jar, String name, Map<String, String> env, Path logs, List<String> jvmOptions)
            throws IOException, InterruptedException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the service first (mvn package)");
        }
        // A PORT in env is kept: a restart takes the port of the process it replaces.
        int port = env.containsKey("PORT") ? Integer.parseInt(env.get("PORT")) : RedisProcess.freePort();
        Path log = logs.resolve(name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        if (!nativeExecutable(jar)) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.toString());
        } else {
            command.add(jar.toAbsolutePath().toString());
            command.addAll(jvmOptions);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().putAll(env);
        ServiceProcess node = new ServiceProcess(name, port, builder.start(), log, nativeExecutable(jar));
        node.awaitReady();
        return node;
    }

    /** Whether this replica is the native executable. */
    public boolean isNative() {
        return isNative;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The body of {@code /q/health/ready}. */
    public String readiness() throws IOException, InterruptedException {
        return readinessResponse().body();
    }

    private HttpResponse<String> readinessResponse() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base().resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What the replica printed so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Asks the process to stop (SIGTERM), as a platform scaling down does, and waits for it. */
    public int stop() throws InterruptedException {
        terminate();
        return awaitExit();
    }

    /** Sends SIGTERM and returns at once: the process drains while the caller watches. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to exit (killing it after 30 s) and returns its exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return process.waitFor();
    }

    /** Resident memory of the process, in KiB. */
    public record Resident(long nowKiB, long peakKiB) {
    }

    /** The process's resident memory now and at its peak, from {@code /proc}. */
    public Resident resident() throws IOException {
        long now = 0;
        long peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                now = Long.parseLong(line.replaceAll("[^0-9]", ""));
            } else if (line.startsWith("VmHWM:")) {
                peak = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return new Resident(now, peak);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    /** The operating system's id of the process, to read its CPU time and memory. */
    public long pid() {
        return process.pid();
    }

    @Override
    public String toString() {
        return name + " on port " + port;
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(this + " exited during start; see " + log);
            }
            try {
                HttpResponse<String> ready = readinessResponse();
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
