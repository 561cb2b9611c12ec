package io.eventgate.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;

/**
 * One benchmark socket: counts each event it receives by its sequence number, so that missing,
 * duplicated and misrouted deliveries are exact, and records the end-to-end latency carried in
 * the event ({@code data.sentAt}, nanoseconds of this JVM's clock).
 */
final class Subscriber implements WebSocket.Listener {

    private final String room;
    private final Recorder latency;
    private final AtomicLong delivered;
    private final BitSet seen = new BitSet();
    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private long duplicates;
    private long misrouted;
    private WebSocket socket;

    Subscriber(String room, Recorder latency, AtomicLong delivered) {
        this.room = room;
        this.latency = latency;
        this.delivered = delivered;
    }

    CompletableFuture<Void> connect(HttpClient client, URI node) {
        String query = room == null ? "" : "?rooms=" + room;
        return client.newWebSocketBuilder().buildAsync(URI.create("ws://" + node.getHost() + ":" + node.getPort() + "/ws"
                + query), this).thenCompose(ws -> {
                    socket = ws;
                    return welcomed;
                });
    }

    @Override
    public CompletionStage<Void> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frame(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    /** Reads the few fields it needs by position: the client must not be the bottleneck it measures. */
    private void frame(String frame) {
        if (frame.startsWith("{\"type\":\"welcome\"")) {
            welcomed.complete(null);
            return;
        }
        if (!frame.startsWith("{\"type\":\"event\"")) {
            return;
        }
        long now = System.nanoTime();
        int seq = (int) number(frame, "\"seq\":");
        long sentAt = number(frame, "\"sentAt\":");
        String eventRoom = text(frame, "\"room\":\"");
        synchronized (this) {
            if (seen.get(seq)) {
                duplicates++;
            } else {
                seen.set(seq);
            }
            if (eventRoom != null && !eventRoom.equals(room)) {
                misrouted++;
            }
        }
        latency.recordValue(Math.max(0, now - sentAt));
        delivered.incrementAndGet();
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
            socket.abort();
        }
    }

    private static long number(String frame, String key) {
        int start = frame.indexOf(key) + key.length();
        int end = start;
        while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
            end++;
        }
        return Long.parseLong(frame, start, end, 10);
    }

    private static String text(String frame, String key) {
        int start = frame.indexOf(key);
        if (start < 0) {
            return null;
        }
        start += key.length();
        return frame.substring(start, frame.indexOf('"', start));
    }
}
