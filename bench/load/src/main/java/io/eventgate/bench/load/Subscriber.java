package io.eventgate.bench.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * One benchmark socket: counts each event it receives by its sequence number, so that missing,
 * duplicated and misrouted deliveries are exact, and records the end-to-end latency carried in
 * the event ({@code data.sentAt}, nanoseconds of this JVM's clock). A Vert.x client, reading the
 * frame's bytes without decoding them to text: the client must not be the bottleneck it measures.
 */
final class Subscriber {

    private static final byte[] WELCOME = bytes("{\"type\":\"welcome\"");
    private static final byte[] EVENT = bytes("{\"type\":\"event\"");
    private static final byte[] SEQ = bytes("\"seq\":");
    private static final byte[] SENT_AT = bytes("\"sentAt\":");
    private static final byte[] ROOM = bytes("\"room\":\"");
    private static final byte[] OFFSET = bytes("\"offset\":\"");
    private static final byte[] NOT_RECOVERED = bytes("\"recovered\":false");

    private final String room;
    private final byte[] roomValue;
    private final Recorder latency;
    private final AtomicLong delivered;
    private final BitSet seen = new BitSet();
    private volatile CompletableFuture<Void> welcomed = new CompletableFuture<>();
    /** Completes with the first event numbered {@code liveFrom} or later, by the benchmark's numbering. */
    private volatile CompletableFuture<Void> live = new CompletableFuture<>();
    private volatile int liveFrom = Integer.MAX_VALUE;
    private volatile String lastOffset = "";
    private volatile boolean recovered = true;
    private long duplicates;
    private long misrouted;
    private volatile WebSocket socket;

    Subscriber(String room, Recorder latency, AtomicLong delivered) {
        this.room = room;
        this.roomValue = bytes(room + "\"");
        this.latency = latency;
        this.delivered = delivered;
    }

    /** A client for any number of benchmark sockets. */
    static HttpClient client(Vertx vertx) {
        return vertx.createHttpClient(new HttpClientOptions().setMaxWebSockets(Integer.MAX_VALUE));
    }

    /**
     * Connects from an event loop of {@code vertx} (a new context: loops taken in turn) and sets the
     * frame handler in the task that completes the handshake: a frame read before would be dropped.
     *
     * @param token the subscriber token for {@code ?token=}; empty without subscriber auth
     */
    CompletableFuture<Void> connect(Vertx vertx, HttpClient client, URI node, String token) {
        return connect(vertx, client, node, token, "");
    }

    /** Connects again with the offset of the last event received; {@link #live()} then tells when it is live again. */
    CompletableFuture<Void> resume(Vertx vertx, HttpClient client, URI node, String token, int liveFrom) {
        this.liveFrom = liveFrom;
        live = new CompletableFuture<>();
        return connect(vertx, client, node, token, lastOffset);
    }

    private CompletableFuture<Void> connect(Vertx vertx, HttpClient client, URI node, String token, String since) {
        welcomed = new CompletableFuture<>();
        CompletableFuture<Void> welcomed = this.welcomed;
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(node.getHost()).setPort(node.getPort())
                .setURI("/ws?rooms=" + room + (token.isEmpty() ? "" : "&token=" + token)
                        + (since.isEmpty() ? "" : "&since=" + since));
        vertx.getOrCreateContext().runOnContext(onLoop -> client.webSocket(options).onComplete(connected -> {
            if (connected.failed()) {
                welcomed.completeExceptionally(connected.cause());
                return;
            }
            socket = connected.result();
            socket.handler(this::frame);
        }));
        return welcomed;
    }

    /** Reads the few fields it needs by position. */
    private void frame(Buffer frame) {
        if (startsWith(frame, WELCOME)) {
            if (indexOf(frame, NOT_RECOVERED, 0) >= 0) {
                recovered = false;
            }
            welcomed.complete(null);
            return;
        }
        if (!startsWith(frame, EVENT)) {
            return;
        }
        long now = System.nanoTime();
        int seq = (int) number(frame, SEQ);
        long sentAt = number(frame, SENT_AT);
        boolean otherRoom = !inRoom(frame);
        synchronized (this) {
            if (seen.get(seq)) {
                duplicates++;
            } else {
                seen.set(seq);
            }
            if (otherRoom) {
                misrouted++;
            }
        }
        latency.recordValue(Math.max(0, now - sentAt));
        delivered.incrementAndGet();
        String offset = offset(frame);
        if (!offset.isEmpty()) {
            lastOffset = offset;
        }
        if (seq >= liveFrom) {
            live.complete(null);
        }
    }

    CompletableFuture<Void> live() {
        return live;
    }

    boolean recovered() {
        return recovered;
    }

    /**
     * The offset: the frame's last field, {@code ..."offset":"<offset>"}}; empty without one (an
     * event accepted while the backplane was away), and the client keeps the one it had.
     */
    private static String offset(Buffer frame) {
        int end = frame.length() - 2;
        int start = end - 1;
        while (start > 0 && frame.getByte(start) != '"') {
            start--;
        }
        if (end < 1 || frame.getByte(end) != '"' || start < OFFSET.length
                || indexOf(frame, OFFSET, start - OFFSET.length + 1) != start - OFFSET.length + 1) {
            return "";
        }
        return frame.getString(start + 1, end, StandardCharsets.US_ASCII.name());
    }

    synchronized boolean received(int seq) {
        return seen.get(seq);
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long misrouted() {
        return misrouted;
    }

    String room() {
        return room;
    }

    void close() {
        if (socket != null) {
            socket.close();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean startsWith(Buffer frame, byte[] prefix) {
        return frame.length() >= prefix.length && indexOf(frame, prefix, 0) == 0;
    }

    static int indexOf(Buffer frame, byte[] key, int from) {
        outer: for (int i = from; i <= frame.length() - key.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (frame.getByte(i + k) != key[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long number(Buffer frame, byte[] key) {
        int at = indexOf(frame, key, 0) + key.length;
        long value = 0;
        for (byte digit = frame.getByte(at); digit >= '0' && digit <= '9'; digit = frame.getByte(++at)) {
            value = value * 10 + (digit - '0');
        }
        return value;
    }

    /** Whether the frame carries no room (a broadcast) or this subscriber's room. */
    private boolean inRoom(Buffer frame) {
        int at = indexOf(frame, ROOM, 0);
        if (at < 0) {
            return true;
        }
        at += ROOM.length;
        for (int k = 0; k < roomValue.length; k++) {
            if (at + k >= frame.length() || frame.getByte(at + k) != roomValue[k]) {
                return false;
            }
        }
        return true;
    }
}
