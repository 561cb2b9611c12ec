package io.eventgate.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.eventgate.support.Publish;
import io.eventgate.support.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SocketProtocolTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void welcomesEachConnectionWithItsOwnId() {
        try (TestSocket first = TestSocket.connect(base); TestSocket second = TestSocket.connect(base)) {
            assertThat(first.connectionId()).isNotEqualTo(second.connectionId());
        }
    }

    @Test
    void answersJoinLeaveAndPing() {
        try (TestSocket socket = TestSocket.connect(base)) {
            socket.send("{\"type\":\"join\",\"room\":\"r1\"}");
            assertThat(socket.next("joined").path("room").asText()).isEqualTo("r1");
            socket.send("{\"type\":\"leave\",\"room\":\"r1\"}");
            assertThat(socket.next("left").path("room").asText()).isEqualTo("r1");
            socket.send("{\"type\":\"ping\"}");
            assertThat(socket.next("pong")).hasSize(1);
        }
    }

    @Test
    void leavingARoomNeverJoinedIsFine() {
        try (TestSocket socket = TestSocket.connect(base)) {
            socket.send("{\"type\":\"leave\",\"room\":\"r9\"}");
            assertThat(socket.next("left").path("room").asText()).isEqualTo("r9");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "bad JSON           | {\"type\":\"join\",                  | Malformed JSON",
            "not an object      | [\"ping\"]                           | must be a JSON object",
            "no type            | {\"room\":\"r1\"}                    | needs a string 'type'",
            "type not a string  | {\"type\":1}                         | needs a string 'type'",
            "unknown type       | {\"type\":\"subscribe\"}             | Unknown frame type 'subscribe'",
            "join without room  | {\"type\":\"join\"}                  | 'room' is required",
            "leave without room | {\"type\":\"leave\"}                 | 'room' is required",
            "room not a string  | {\"type\":\"join\",\"room\":5}       | 'room' must be a string",
            "empty room         | {\"type\":\"join\",\"room\":\"\"}    | 'room' must not be empty",
            "control character  | {\"type\":\"join\",\"room\":\"a\\u0007\"} | control or format characters",
    })
    void answersMalformedFramesWithAnErrorAndStaysOpen(String name, String frame, String message) {
        try (TestSocket socket = TestSocket.connect(base)) {
            socket.send(frame);
            assertThat(socket.next("error").path("message").asText()).contains(message);
            socket.send("{\"type\":\"ping\"}");
            socket.next("pong");
        }
    }

    @Test
    void refusesATooLongRoomName() {
        try (TestSocket socket = TestSocket.connect(base)) {
            socket.send("{\"type\":\"join\",\"room\":\"" + "r".repeat(129) + "\"}");
            assertThat(socket.next("error").path("message").asText()).contains("at most 128");
        }
    }

    @Test
    void refusesBinaryFrames() {
        try (TestSocket socket = TestSocket.connect(base)) {
            socket.sendBinary("{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(socket.next("error").path("message").asText()).contains("Binary frames are not supported");
            socket.send("{\"type\":\"ping\"}");
            socket.next("pong");
        }
    }

    @Test
    void refusesFramesOverTheSizeLimitSayingWhichLimit() {
        try (TestSocket socket = TestSocket.connect(base)) {
            socket.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(64 * 1024) + "\"}");
            assertThat(socket.next("error").path("message").asText()).contains("eventgate.socket.max-frame-size");
            socket.send("{\"type\":\"ping\"}");
            socket.next("pong");
        }
    }

    @Test
    void refusesJoinsPastTheRoomLimitSayingWhichLimit() {
        // Joined at connect: joining them one frame each would also meet the inbound rate limit of 100 per second.
        String hundredRooms = String.join(",", java.util.stream.IntStream.range(0, 100).mapToObj(i -> "limit-" + i).toList());
        try (TestSocket socket = TestSocket.connect(base, "rooms=" + hundredRooms)) {
            socket.send("{\"type\":\"join\",\"room\":\"one-too-many\"}");
            assertThat(socket.next("error").path("message").asText())
                    .contains("'one-too-many'", "eventgate.socket.max-rooms-per-connection");
            socket.join("limit-7");
            socket.send("{\"type\":\"leave\",\"room\":\"limit-0\"}");
            socket.next("left");
            socket.join("one-more");
        }
    }

    @Test
    void joinsTheRoomsOfTheQueryBeforeTheWelcome() {
        try (TestSocket socket = TestSocket.connect(base, "rooms=q1,q2&rooms=q3")) {
            for (String room : new String[] { "q1", "q2", "q3" }) {
                String id = Publish.accepted("{\"event\":\"query.join\",\"room\":\"" + room + "\"}");
                JsonNode event = socket.next("event");
                assertThat(event.path("id").asText()).isEqualTo(id);
                assertThat(event.path("room").asText()).isEqualTo(room);
            }
        }
    }

    @Test
    void namesInvalidQueryRoomsAfterTheWelcomeAndJoinsTheValidOnes() {
        String rooms = URLEncoder.encode("good,bad\u0001room", StandardCharsets.UTF_8);
        try (TestSocket socket = TestSocket.connect(base, "rooms=" + rooms)) {
            assertThat(socket.next("error").path("message").asText()).contains("'bad\u0001room'", "?rooms");
            String id = Publish.accepted("{\"event\":\"query.join\",\"room\":\"good\"}");
            assertThat(socket.next("event").path("id").asText()).isEqualTo(id);
        }
    }
}
