package io.eventgate.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.eventgate.support.Publish;
import io.eventgate.support.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Requests that cannot be framed (docs/protocol.md section 1): refused with 400 and a closed connection, and
 * never delivered. (Their answer has no problem document: Vert.x gives it before any application
 * code runs; see README "Slow, broken and hostile clients".)
 */
@QuarkusTest
class HttpFramingTest {

    @TestHTTPResource("/")
    URI base;

    @ParameterizedTest
    @ValueSource(strings = {
            "Content-Length: 13\r\nTransfer-Encoding: chunked\r\n\r\nd\r\n{\"event\":\"e\"}\r\n0\r\n\r\n",
            "Content-Length: 13\r\nContent-Length: 14\r\n\r\n{\"event\":\"e\"}",
            "Content-Length: abc\r\n\r\n{\"event\":\"e\"}",
            "Content-Length: -1\r\n\r\n{\"event\":\"e\"}" })
    void aRequestThatCannotBeFramedIsRefusedAndNotDelivered(String rest) throws IOException {
        try (TestSocket observer = TestSocket.connect(base)) {
            String head = "POST /events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";
            String answer = exchange((head + rest).getBytes(StandardCharsets.US_ASCII));
            assertThat(answer).startsWith("HTTP/1.1 400");
            String marker = Publish.marker();
            assertThat(observer.next("event").path("id").asText()).isEqualTo(marker);
        }
    }

    /** Sends {@code request} and reads until the server closes the connection. */
    private String exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                answer.write(chunk, 0, read);
            }
            return answer.toString(StandardCharsets.US_ASCII);
        }
    }
}
