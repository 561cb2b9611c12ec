package io.eventgate.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventgate.support.Bytes;
import io.eventgate.support.ErrorLines;
import io.eventgate.support.Metrics;
import io.eventgate.testing.RawSocket;
import io.eventgate.testing.RawSocket.Frame;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * docs/protocol.md section 2, as a raw client sees it: every closing code, the error frames that keep a
 * socket open, and no ERROR in the log for any of it.
 */
@QuarkusTest
class ClosingCodesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int FIN = 0x80;

    @TestHTTPResource("/")
    URI base;

    private ErrorLines errors;

    @BeforeEach
    void watchErrors() {
        errors = ErrorLines.watch();
    }

    @AfterEach
    void noErrorWasLogged() {
        errors.close();
        assertThat(errors.found()).as("ERROR lines").isEmpty();
    }

    @Test
    void reservedBitsAreAProtocolViolation() throws IOException {
        try (RawSocket socket = open()) {
            socket.sendFrame(FIN | 0x40 | RawSocket.TEXT, ping());
            assertThat(socket.readUntilClose(WAIT).closeCode()).isEqualTo(1002);
        }
    }

    @Test
    void aContinuationWithoutAStartIsAProtocolViolation() throws IOException {
        try (RawSocket socket = open()) {
            socket.sendFrame(FIN | RawSocket.CONTINUATION, ping());
            assertThat(socket.readUntilClose(WAIT).closeCode()).isEqualTo(1002);
        }
    }

    @Test
    void textThatIsNotUtf8Closes1007() throws IOException {
        byte[][] invalid = { { 'p', 'r', (byte) 0xFF }, { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 } };
        for (byte[] bytes : invalid) {
            try (RawSocket socket = open()) {
                socket.sendFrame(FIN | RawSocket.TEXT, Bytes.concat("{\"type\":\"join\",\"room\":\"".getBytes(StandardCharsets.UTF_8),
                        bytes, "\"}".getBytes(StandardCharsets.UTF_8)));
                assertThat(socket.readUntilClose(WAIT).closeCode()).as(Arrays.toString(bytes)).isEqualTo(1007);
            }
        }
    }

    @Test
    void invalidUtf8SplitAcrossFragmentsCloses1007() throws IOException {
        try (RawSocket socket = open()) {
            socket.sendFrame(RawSocket.TEXT, "{\"type\":\"ping\", \"x\":\"".getBytes(StandardCharsets.UTF_8));
            socket.sendFrame(RawSocket.CONTINUATION, new byte[] { (byte) 0xE2, (byte) 0x82 });
            socket.sendFrame(FIN | RawSocket.CONTINUATION, new byte[] { '"', '}' });
            assertThat(socket.readUntilClose(WAIT).closeCode()).isEqualTo(1007);
        }
    }

    @Test
    void aMessageOverTheSoftLimitInOneFrameGetsAnErrorAndTheSocketStaysOpen() throws IOException {
        for (int size : new int[] { 65_537, 1_048_576 }) {
            try (RawSocket socket = open()) {
                socket.sendFrame(FIN | RawSocket.TEXT, paddedPing(size));
                assertThat(socket.read(WAIT).text()).contains("\"error\"").contains("eventgate.socket.max-frame-size")
                        .contains(Integer.toString(size));
                socket.sendFrame(FIN | RawSocket.TEXT, ping());
                assertThat(socket.read(WAIT).text()).isEqualTo("{\"type\":\"pong\"}");
            }
        }
    }

    @Test
    void aMessageOverTheHardCapCloses1009InOneFrameOrFragmented() throws IOException {
        double before = Metrics.value("eventgate_sockets_closed_total{reason=\"too-big\"}");
        try (RawSocket socket = open()) {
            socket.sendFrame(FIN | RawSocket.TEXT, paddedPing(1_200_000));
            assertThat(socket.readUntilClose(WAIT).closeCode()).isEqualTo(1009);
        }
        try (RawSocket socket = open()) {
            byte[] part = new byte[300_000];
            Arrays.fill(part, (byte) ' ');
            socket.sendFrame(RawSocket.TEXT, "{\"type\":\"ping\"".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 4; i++) {
                socket.sendFrame(RawSocket.CONTINUATION, part);
            }
            socket.sendFrame(FIN | RawSocket.CONTINUATION, "}".getBytes(StandardCharsets.UTF_8));
            assertThat(socket.readUntilClose(WAIT).closeCode()).isEqualTo(1009);
        }
        assertThat(Metrics.value("eventgate_sockets_closed_total{reason=\"too-big\"}")).isEqualTo(before + 2);
    }

    @Test
    void aFragmentedMessageUnderTheCapIsReadWhole() throws IOException {
        try (RawSocket socket = open()) {
            socket.sendFrame(RawSocket.TEXT, "{\"type\":".getBytes(StandardCharsets.UTF_8));
            socket.sendFrame(FIN | RawSocket.PING, new byte[0]);
            socket.sendFrame(FIN | RawSocket.CONTINUATION, "\"ping\"}".getBytes(StandardCharsets.UTF_8));
            Frame pong = socket.read(WAIT);
            // The control frame's answer may come first; the message's answer follows.
            Frame answer = pong.opcode() == 0xA ? socket.read(WAIT) : pong;
            assertThat(answer.text()).isEqualTo("{\"type\":\"pong\"}");
        }
    }

    @Test
    void anUnpairedSurrogateEscapeGetsAnErrorFrame() throws IOException {
        try (RawSocket socket = open()) {
            socket.sendText("{\"type\":\"join\",\"room\":\"pr\\ud800\"}");
            assertThat(socket.read(WAIT).text()).contains("\"error\"").contains("unpaired UTF-16 surrogate")
                    .contains("'room'");
            socket.sendText("{\"type\":\"join\",\"room\":\"ok\\ud83d\\ude00\"}");
            assertThat(socket.read(WAIT).text()).isEqualTo("{\"type\":\"joined\",\"room\":\"ok\uD83D\uDE00\"}");
        }
    }

    @Test
    void overTheInboundRateFramesGetErrorsAndFarOverTheSocketIsClosed() throws IOException {
        double refused = Metrics.value("eventgate_socket_frames_refused_total{reason=\"inbound-rate\"}");
        try (RawSocket socket = open()) {
            // In one write, so all of them fall into the same second.
            socket.sendRaw(repeat(RawSocket.frame(FIN | RawSocket.TEXT, ping()), 150));
            int pongs = 0;
            int errors = 0;
            for (int i = 0; i < 150; i++) {
                String text = socket.read(WAIT).text();
                if (text.contains("pong")) {
                    pongs++;
                } else {
                    assertThat(text).contains("eventgate.socket.max-inbound-rate");
                    errors++;
                }
            }
            assertThat(pongs).isEqualTo(100);
            assertThat(errors).isEqualTo(50);
        }
        assertThat(Metrics.value("eventgate_socket_frames_refused_total{reason=\"inbound-rate\"}")).isEqualTo(refused + 50);
        try (RawSocket socket = open()) {
            socket.sendRaw(repeat(RawSocket.frame(FIN | RawSocket.PING, new byte[0]), 400));
            Frame close = socket.readUntilClose(WAIT);
            assertThat(close.closeCode()).isEqualTo(1008);
            assertThat(close.closeReason()).contains("inbound rate");
        }
    }

    private RawSocket open() throws IOException {
        RawSocket socket = RawSocket.connect(base, "");
        assertThat(socket.handshakeStatus()).isEqualTo(101);
        assertThat(socket.read(WAIT).text()).contains("\"welcome\"");
        return socket;
    }

    private static byte[] ping() {
        return "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
    }

    /** A ping frame padded with spaces to {@code size} bytes. */
    private static byte[] paddedPing(int size) {
        byte[] frame = new byte[size];
        Arrays.fill(frame, (byte) ' ');
        byte[] ping = ping();
        System.arraycopy(ping, 0, frame, 0, ping.length - 1);
        frame[size - 1] = '}';
        return frame;
    }

    private static byte[] repeat(byte[] frame, int times) {
        byte[][] copies = new byte[times][];
        Arrays.fill(copies, frame);
        return Bytes.concat(copies);
    }
}
