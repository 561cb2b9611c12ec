package io.eventgate.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client (the JDK's {@link WebSocket}, apart from the server's stack) that records
 * every frame it receives. Its listener exists before the handshake, so not even the welcome can
 * be missed.
 */
public final class TestSocket implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Reads numbers as written, so a test can tell whether the server changed them. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final WebSocket socket;
    private final FrameCollector collector;
    private final BlockingQueue<String> frames;
    private final CompletableFuture<Integer> closeCode;
    private final String connectionId;
    private final JsonNode welcome;

    private TestSocket(WebSocket socket, FrameCollector collector, BlockingQueue<String> frames,
            CompletableFuture<Integer> closeCode) {
        this.socket = socket;
        this.collector = collector;
        this.frames = frames;
        this.closeCode = closeCode;
        this.welcome = next();
        assertThat(welcome.path("type").asText()).as("first frame %s", welcome).isEqualTo("welcome");
        this.connectionId = welcome.path("connectionId").asText();
        assertThat(connectionId).isNotBlank();
    }

    /** Connects to {@code /ws} of the server at {@code base}, with {@code query} (may be empty), and reads the welcome. */
    public static TestSocket connect(URI base, String query) {
        return connect(base, query, Map.of());
    }

    /** As {@link #connect(URI, String)}, with {@code headers} on the handshake. */
    public static TestSocket connect(URI base, String query, Map<String, String> headers) {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws" + (query.isEmpty() ? "" : "?" + query));
        try {
            WebSocket.Builder builder = CLIENT.newWebSocketBuilder();
            headers.forEach(builder::header);
            FrameCollector collector = new FrameCollector(frames, closeCode);
            WebSocket socket = builder.buildAsync(uri, collector).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new TestSocket(socket, collector, frames, closeCode);
        } catch (Exception e) {
            throw new AssertionError("Could not connect to " + uri, e);
        }
    }

    public static TestSocket connect(URI base) {
        return connect(base, "");
    }

    public String connectionId() {
        return connectionId;
    }

    /** The welcome frame the connection began with. */
    public JsonNode welcome() {
        return welcome;
    }

    /** The next frame, waiting up to {@link #TIMEOUT}. */
    public JsonNode next() {
        try {
            String frame = frames.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                return fail("No frame within " + TIMEOUT);
            }
            return JSON.readTree(frame);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("Interrupted");
        } catch (JsonProcessingException e) {
            return fail("Not JSON: " + e.getMessage());
        }
    }

    /** The next frame, or {@code null} once the server has closed the connection and every frame was read. */
    public JsonNode nextOrClose() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                String frame = frames.poll(10, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    return JSON.readTree(frame);
                }
                if (closeCode.isDone() && frames.isEmpty()) {
                    return null;
                }
            }
            return fail("Neither a frame nor a close within " + TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("Interrupted");
        } catch (JsonProcessingException e) {
            return fail("Not JSON: " + e.getMessage());
        }
    }

    /** The next frame, which must be of {@code type}. */
    public JsonNode next(String type) {
        JsonNode frame = next();
        assertThat(frame.path("type").asText()).as("frame %s", frame).isEqualTo(type);
        return frame;
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** The status code the server closed the connection with, waiting up to {@link #TIMEOUT}. */
    public int closedWith() {
        try {
            return closeCode.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The server did not close the connection", e);
        }
    }

    /** The reason the server closed the connection with, once {@link #closedWith()} has returned. */
    public String closeReason() {
        return collector.closeReason;
    }

    /** Joins {@code room} and waits for the {@code joined} answer. */
    public void join(String room) {
        send("{\"type\":\"join\",\"room\":" + quote(room) + "}");
        assertThat(next("joined").path("room").asText()).isEqualTo(room);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .exceptionally(failure -> socket).join();
        socket.abort();
    }

    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** Puts each whole text message, reassembled from its fragments, on the queue. */
    private static final class FrameCollector implements WebSocket.Listener {

        private final BlockingQueue<String> frames;
        private final CompletableFuture<Integer> closeCode;
        private final StringBuilder partial = new StringBuilder();
        private volatile String closeReason;

        FrameCollector(BlockingQueue<String> frames, CompletableFuture<Integer> closeCode) {
            this.frames = frames;
            this.closeCode = closeCode;
        }

        @Override
        public CompletionStage<Void> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public CompletionStage<Void> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
