package io.eventgate.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client written on a plain TCP socket, for what well-behaved clients never do: frames
 * with any bits, lengths and payloads (valid or not), and a client that stops reading after the
 * handshake. It reads nothing unless asked to, so the server's frames pile up in the kernel
 * buffers and then in the server, as with a phone in a tunnel.
 */
public final class RawSocket implements AutoCloseable {

    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CONTINUATION = 0x0;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    /** Not an opcode: the connection ended without a close frame. */
    public static final int DROPPED = -1;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final int handshakeStatus;
    private final String handshakeResponse;

    private RawSocket(Socket socket, int handshakeStatus, String handshakeResponse) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.handshakeStatus = handshakeStatus;
        this.handshakeResponse = handshakeResponse;
    }

    /**
     * Connects to {@code /ws?query} of {@code base} and performs the handshake with {@code headers};
     * a small receive buffer makes a paused client fill up sooner.
     */
    public static RawSocket connect(URI base, String query, Map<String, String> headers, int receiveBuffer)
            throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(10_000);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        StringBuilder request = new StringBuilder()
                .append("GET /ws").append(query.isEmpty() ? "" : "?" + query).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(nonce)).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        String response = readHead(socket.getInputStream());
        int status = Integer.parseInt(response.split(" ", 3)[1]);
        return new RawSocket(socket, status, response);
    }

    public static RawSocket connect(URI base, String query) throws IOException {
        return connect(base, query, Map.of(), 0);
    }

    /** 101 when the upgrade was accepted. */
    public int handshakeStatus() {
        return handshakeStatus;
    }

    /** The status line and headers of the handshake answer. */
    public String handshakeResponse() {
        return handshakeResponse;
    }

    /** Sends one masked frame with the given first byte bits (FIN, RSV1-3, opcode) and payload. */
    public void sendFrame(int finRsvOpcode, byte[] payload) throws IOException {
        out.write(frame(finRsvOpcode, payload));
        out.flush();
    }

    /** One masked client frame with the given first byte bits (FIN, RSV1-3, opcode) and payload. */
    public static byte[] frame(int finRsvOpcode, byte[] payload) {
        return frame(finRsvOpcode, payload, true);
    }

    /** One client frame, masked as clients must or unmasked as they must not. */
    public static byte[] frame(int finRsvOpcode, byte[] payload, boolean masked) {
        int maskBit = masked ? 0x80 : 0;
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(finRsvOpcode);
        if (payload.length < 126) {
            frame.write(maskBit | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(maskBit | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        } else {
            frame.write(maskBit | 127);
            long length = payload.length;
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (length >>> shift));
            }
        }
        if (!masked) {
            frame.writeBytes(payload);
            return frame.toByteArray();
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.write(mask, 0, 4);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        return frame.toByteArray();
    }

    /** Sends bytes as they are, framed or not. */
    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void sendText(String text) throws IOException {
        sendFrame(0x80 | TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next frame the server sent, waiting up to {@code timeout}. */
    public Frame read(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0F, (first & 0x80) != 0, payload);
    }

    /**
     * Reads frames until the server's close frame and returns it ({@link #DROPPED} when the
     * connection ended without one); frames of other kinds are skipped.
     */
    public Frame readUntilClose(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Frame frame = read(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
                if (frame.opcode() == CLOSE) {
                    return frame;
                }
            }
            throw new SocketTimeoutException("No close frame within " + timeout);
        } catch (EOFException ended) {
            return new Frame(DROPPED, true, new byte[0]);
        }
    }

    /** Whether the server closed the TCP connection (reads to the end, discarding frames). */
    public boolean endsWithin(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        byte[] sink = new byte[8192];
        try {
            while (in.read(sink) >= 0) {
                // discard
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A frame from the server. */
    public record Frame(int opcode, boolean fin, byte[] payload) {

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The status code of a close frame; 1005 (none) when it carries none, -1 for a dropped connection. */
        public int closeCode() {
            if (opcode == DROPPED) {
                return -1;
            }
            if (opcode != CLOSE) {
                throw new IllegalStateException("Not a close frame: opcode " + opcode);
            }
            if (payload.length == 0) {
                return 1005;
            }
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        public String closeReason() {
            return payload.length <= 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("Connection closed during the handshake: " + head);
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
