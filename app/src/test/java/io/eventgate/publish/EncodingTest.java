package io.eventgate.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.eventgate.http.Problem;
import io.eventgate.support.Bytes;
import io.eventgate.support.Publish;
import io.eventgate.support.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * docs/protocol.md section 1 on encoding: the body is UTF-8 and nothing else, never repaired; rooms hold no
 * control or format characters, in {@code POST /events}, {@code join} and {@code ?rooms=} alike.
 * Bodies are sent as the exact bytes written here.
 */
@QuarkusTest
class EncodingTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/events")
    URI events;

    @TestHTTPResource("/")
    URI base;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "overlong slash      | C0 AF       | invalid UTF-8 at byte 22 (C0",
            "past U+10FFFF       | F4 90 80 80 | invalid UTF-8 at byte 22 (F4",
            "encoded surrogate   | ED A0 80    | invalid UTF-8 at byte 22 (ED",
            "truncated sequence  | E2 82       | invalid UTF-8 at byte 22",
            "lone continuation   | 80          | invalid UTF-8 at byte 22 (80",
            "Latin-1 e-acute     | E9          | invalid UTF-8 at byte 22 (E9",
    })
    void refusesInvalidUtf8SayingWhere(String name, String hex, String detail) throws Exception {
        byte[] body = Bytes.concat("{\"event\":\"e\",\"data\":\"x".getBytes(StandardCharsets.US_ASCII), bytes(hex),
                "y\"}".getBytes(StandardCharsets.US_ASCII));
        assertProblem(post(body, "application/json"), 400, detail);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "high surrogate in data   | {\"event\":\"e\",\"data\":\"x\\ud800y\"}          | 'data'",
            "low surrogate at the end | {\"event\":\"e\",\"data\":[1,\"x\\udc00\"]}       | 'data[1]'",
            "in a field name          | {\"event\":\"e\",\"data\":{\"\\udc00k\":1}}        | 'data.\\uDC00k (in the field name)'",
            "in the room              | {\"event\":\"e\",\"room\":\"pr\\ud800\"}          | 'room'",
            "reversed pair            | {\"event\":\"e\",\"data\":\"\\ude00\\ud83d\"}     | 'data'",
    })
    void refusesUnpairedSurrogateEscapes(String name, String body, String where) throws Exception {
        assertProblem(post(body.getBytes(StandardCharsets.UTF_8), "application/json"), 400,
                "The string at " + where + " holds an unpaired UTF-16 surrogate");
    }

    @Test
    void acceptsEscapedPairsAndRawCharactersUnchanged() throws Exception {
        try (TestSocket socket = TestSocket.connect(base, "rooms=enc")) {
            Publish.accepted("{\"event\":\"e\",\"room\":\"enc\",\"data\":\"\\ud83d\\ude00 caf\u00e9 \u20ac\"}");
            assertThat(socket.next("event").path("data").textValue()).isEqualTo("\uD83D\uDE00 caf\u00e9 \u20ac");
        }
    }

    @Test
    void refusesUtf16WithoutACharsetAsNotJson() throws Exception {
        HttpResponse<String> response = post("{\"event\":\"e\"}".getBytes(StandardCharsets.UTF_16LE), "application/json");
        assertProblem(response, 400, "Malformed JSON");
        HttpResponse<String> withBom = post("{\"event\":\"e\"}".getBytes(StandardCharsets.UTF_16), "application/json");
        assertProblem(withBom, 400, "not valid UTF-8");
    }

    @Test
    void refusesADeclaredUtf16Charset() throws Exception {
        assertProblem(post("{\"event\":\"e\"}".getBytes(StandardCharsets.UTF_16LE), "application/json; charset=utf-16le"),
                415, "charset 'utf-16le' is not supported");
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({ "202E", "200B", "FEFF", "0000", "007F", "0085" })
    void roomsRefuseControlAndFormatCharactersEverywhere(String codePoint) throws Exception {
        String room = "pr" + Character.toString(Integer.parseInt(codePoint, 16)) + "x";
        String expected = "must not contain control or format characters (found U+" + codePoint + ")";
        String body = "{\"event\":\"e\",\"room\":" + JSON.writeValueAsString(room) + "}";
        assertProblem(post(body.getBytes(StandardCharsets.UTF_8), "application/json"), 400, expected);
        try (TestSocket socket = TestSocket.connect(base)) {
            socket.send("{\"type\":\"join\",\"room\":" + JSON.writeValueAsString(room) + "}");
            assertThat(socket.next("error").path("message").asText()).contains(expected);
        }
        try (TestSocket socket = TestSocket.connect(base,
                "rooms=ok-room," + URLEncoder.encode(room, StandardCharsets.UTF_8))) {
            assertThat(socket.next("error").path("message").asText()).contains("in ?rooms").contains(expected);
            socket.send("{\"type\":\"leave\",\"room\":\"ok-room\"}");
            socket.next("left");
        }
    }

    private HttpResponse<String> post(byte[] body, String contentType) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(events).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("detail").asText()).contains(detail);
    }

    private static byte[] bytes(String hex) {
        String[] parts = hex.trim().split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

}
