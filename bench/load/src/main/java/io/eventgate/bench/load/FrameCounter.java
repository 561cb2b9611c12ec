package io.eventgate.bench.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

/**
 * A benchmark socket that costs its client least ({@code -Dclient=count}): a plain TCP connection
 * that makes the WebSocket handshake itself, then counts the text frames it reads by their headers
 * and skips their payload. No check of each event and no latency; what it gives is a client that
 * leaves the service the machine's cores, for throughput against the service's event loops.
 * Everything it reads arrives on one client loop, so its state needs no lock.
 */
final class FrameCounter {

    private static final byte[] HEADERS_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SWITCHING = "HTTP/1.1 101";
    private static final int TEXT = 0x1;

    private final String room;
    private final AtomicLong delivered;
    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    private final byte[] header = new byte[10];
    private Buffer response = Buffer.buffer();
    private int headerRead;
    private int headerLength = 2;
    private long payloadLeft;
    private volatile NetSocket socket;

    FrameCounter(String room, AtomicLong delivered) {
        this.room = room;
        this.delivered = delivered;
    }

    /** Completes with the welcome frame, the first text frame after the upgrade. */
    CompletableFuture<Void> connect(Vertx vertx, NetClient client, URI node, String token) {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String upgrade = "GET /ws?rooms=" + room + (token.isEmpty() ? "" : "&token=" + token) + " HTTP/1.1\r\n"
                + "Host: " + node.getHost() + ":" + node.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        vertx.getOrCreateContext().runOnContext(onLoop -> client.connect(node.getPort(), node.getHost())
                .onComplete(connected -> {
                    if (connected.failed()) {
                        welcomed.completeExceptionally(connected.cause());
                        return;
                    }
                    socket = connected.result();
                    socket.handler(this::read);
                    socket.write(upgrade);
                }));
        return welcomed;
    }

    String room() {
        return room;
    }

    void close() {
        if (socket != null) {
            socket.close();
        }
    }

    private void read(Buffer data) {
        int at = 0;
        if (response != null) {
            response.appendBuffer(data);
            int end = Subscriber.indexOf(response, HEADERS_END, 0);
            if (end < 0) {
                return;
            }
            if (!response.getString(0, SWITCHING.length(), StandardCharsets.US_ASCII.name()).equals(SWITCHING)) {
                welcomed.completeExceptionally(new IllegalStateException("no upgrade: " + response));
                close();
                return;
            }
            data = response.getBuffer(end + HEADERS_END.length, response.length());
            response = null;
        }
        long frames = 0;
        int length = data.length();
        while (at < length) {
            if (payloadLeft > 0) {
                int skipped = (int) Math.min(payloadLeft, length - at);
                at += skipped;
                payloadLeft -= skipped;
                continue;
            }
            header[headerRead++] = data.getByte(at++);
            if (headerRead == 2) {
                int length7 = header[1] & 0x7f;
                headerLength = length7 == 126 ? 4 : length7 == 127 ? 10 : 2;
            }
            if (headerRead >= 2 && headerRead == headerLength) {
                payloadLeft = payloadLength();
                headerRead = 0;
                if ((header[0] & 0x0f) == TEXT) {
                    if (welcomed.isDone()) {
                        frames++;
                    } else {
                        welcomed.complete(null);
                    }
                }
            }
        }
        if (frames > 0) {
            delivered.addAndGet(frames);
        }
    }

    /** The payload length of the header just read; a server's frames carry no mask. */
    private long payloadLength() {
        if (headerLength == 2) {
            return header[1] & 0x7f;
        }
        long value = 0;
        for (int i = 2; i < headerLength; i++) {
            value = (value << 8) | (header[i] & 0xff);
        }
        return value;
    }
}
