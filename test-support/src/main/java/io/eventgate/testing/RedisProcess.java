package io.eventgate.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A real {@code redis-server} (from {@code PATH}) on a free port, that a test can stop and start
 * again on the same port to play an outage.
 * <p>
 * QuarkusUnitTest loads a test class twice (JUnit's class loader and the application's), so the
 * server is found again by name through a system property rather than started twice, and it is
 * stopped over the wire ({@code SHUTDOWN NOSAVE}) rather than through a process handle.
 */
public final class RedisProcess {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final int port;

    private RedisProcess(int port) {
        this.port = port;
    }

    /** The server of the test class {@code owner}: started on first use, stopped when the JVM exits. */
    public static synchronized RedisProcess of(Class<?> owner) {
        String key = "test-support.redis." + owner.getName();
        String known = System.getProperty(key);
        if (known != null) {
            return new RedisProcess(Integer.parseInt(known));
        }
        RedisProcess redis = new RedisProcess(freePort());
        redis.startAgain();
        System.setProperty(key, Integer.toString(redis.port));
        Runtime.getRuntime().addShutdownHook(new Thread(redis::stop));
        return redis;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void startAgain() {
        try {
            new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server must be on PATH (apt-get install redis-server)", e);
        }
        waitUntil(true);
    }

    public void stop() {
        try {
            command("SHUTDOWN NOSAVE");
        } catch (IOException e) {
            // The server closes the connection as it goes: that is the answer.
        }
        waitUntil(false);
    }

    private void waitUntil(boolean up) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (answersPing() != up) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server on port " + port + " did not " + (up ? "start" : "stop"));
            }
            Thread.onSpinWait();
        }
    }

    private boolean answersPing() {
        try {
            return command("PING").startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    /** The length of a stream, asked over a plain socket: usable when no Quarkus client is left. */
    public long xlen(String key) {
        try {
            String answer = command("XLEN " + key);
            if (!answer.startsWith(":")) {
                throw new IllegalStateException("XLEN answered " + answer);
            }
            return Long.parseLong(answer.substring(1).trim());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties the server, as a restart without persistence would. */
    public void flushAll() {
        try {
            String answer = command("FLUSHALL");
            if (!answer.startsWith("+OK")) {
                throw new IllegalStateException("FLUSHALL answered " + answer);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends one inline command and reads its one-line answer. */
    private String command(String command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
