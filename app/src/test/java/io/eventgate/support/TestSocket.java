package io.eventgate.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * A real WebSocket client (Vert.x, in its own instance, apart from the server's) that records
 * every frame it receives.
 */
public final class TestSocket implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Vertx CLIENT_VERTX = Vertx.vertx();
    /** Reads numbers as written, so a test can tell whether the server changed them. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final WebSocketClient client;
    private final WebSocket socket;
    private final BlockingQueue<String> frames;
    private final String connectionId;

    private TestSocket(WebSocketClient client, WebSocket socket, BlockingQueue<String> frames) {
        this.client = client;
        this.socket = socket;
        this.frames = frames;
        JsonNode welcome = next();
        assertThat(welcome.path("type").asText()).as("first frame %s", welcome).isEqualTo("welcome");
        this.connectionId = welcome.path("connectionId").asText();
        assertThat(connectionId).isNotBlank();
    }

    /** Connects to {@code /ws} of the server at {@code base}, with {@code query} (may be empty), and reads the welcome. */
    public static TestSocket connect(URI base, String query) {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocketClient client = CLIENT_VERTX.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort())
                .setURI("/ws" + (query.isEmpty() ? "" : "?" + query));
        try {
            // The handler is in place before the handshake, so not even the welcome can be missed.
            ClientWebSocket socket = client.webSocket();
            socket.textMessageHandler(frames::add);
            socket.connect(options).toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new TestSocket(client, socket, frames);
        } catch (Exception e) {
            throw new AssertionError("Could not connect to " + options.getURI(), e);
        }
    }

    public static TestSocket connect(URI base) {
        return connect(base, "");
    }

    public String connectionId() {
        return connectionId;
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

    /** The next frame, which must be of {@code type}. */
    public JsonNode next(String type) {
        JsonNode frame = next();
        assertThat(frame.path("type").asText()).as("frame %s", frame).isEqualTo(type);
        return frame;
    }

    public void send(String text) {
        socket.writeTextMessage(text);
    }

    public void sendBinary(byte[] bytes) {
        socket.writeBinaryMessage(Buffer.buffer(bytes));
    }

    /** Joins {@code room} and waits for the {@code joined} answer. */
    public void join(String room) {
        send("{\"type\":\"join\",\"room\":" + quote(room) + "}");
        assertThat(next("joined").path("room").asText()).isEqualTo(room);
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        socket.close();
        client.close();
    }

    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
