package io.eventgate.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.eventgate.http.Problem;
import io.eventgate.support.ErrorLines;
import io.eventgate.support.Metrics;
import io.eventgate.support.Publish;
import io.eventgate.support.TestSocket;
import io.eventgate.testing.RawSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A seeded, bounded fuzz run: 2,000 random publishes (bodies and headers, mostly wrong) and 2,000
 * random WebSocket frames (any opcode, reserved bits, masks, lengths, payloads), with an observer
 * socket in every room the publishes name. Every answer is a 202 or a 4xx problem document, nothing
 * but the 202s is delivered, nothing is logged as ERROR, and the node is ready at the end.
 */
@QuarkusTest
class FuzzTest {

    private static final long SEED = 20_261_201L;
    private static final int PUBLISHES = 2_000;
    private static final int FRAMES = 2_000;
    private static final int FRAME_CONNECTIONS = 8;
    private static final String[] ROOMS = { "fz-0", "fz-1", "fz-2" };
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @Test
    void randomInputGetsOnlyAcceptedOrProblemAnswersAndDeliversOnlyWhatWasAccepted() throws Exception {
        Random random = new Random(SEED);
        Set<String> accepted = new HashSet<>();
        try (ErrorLines errors = ErrorLines.watch();
                TestSocket observer = TestSocket.connect(base, "rooms=" + String.join(",", ROOMS))) {
            CompletableFuture<Void> frames = fuzzFrames(new Random(random.nextLong()));
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < PUBLISHES; i++) {
                byte[] body = randomBody(random);
                HttpResponse<String> response = http.send(randomPublish(random, body), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 202) {
                    // A random room may be valid and still not one the observer is in.
                    JsonNode room = JSON.readTree(body).path("room");
                    if (!room.isTextual() || List.of(ROOMS).contains(room.textValue())) {
                        accepted.add(JSON.readTree(response.body()).path("id").asText());
                    }
                } else {
                    assertThat(status).as("status of publish %d: %s", i, response.body()).isBetween(400, 499);
                    assertThat(response.headers().firstValue("Content-Type")).as("publish %d", i).hasValue(Problem.MEDIA_TYPE);
                    assertThat(JSON.readTree(response.body()).path("detail").asText()).isNotBlank();
                }
            }
            frames.get();
            String marker = Publish.marker();
            Set<String> received = new HashSet<>();
            for (JsonNode frame = observer.next(); !frame.path("id").asText().equals(marker); frame = observer.next()) {
                assertThat(frame.path("type").asText()).isEqualTo("event");
                received.add(frame.path("id").asText());
            }
            assertThat(accepted).as("some random publishes were valid").hasSizeGreaterThan(100);
            assertThat(received).isEqualTo(accepted);
            assertThat(errors.found()).as("ERROR lines").isEmpty();
        }
        assertThat(Metrics.value("eventgate_events_rejected_total{reason=\"error\",status=\"500\"}")).isZero();
        Publish.body("{}").statusCode(400);
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200);
    }

    private HttpRequest randomPublish(Random random, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/events")).timeout(Duration.ofSeconds(10));
        String[] types = { "application/json", "application/json; charset=utf-8", "APPLICATION/JSON;CHARSET=\"UTF-8\"",
                "application/json; charset=latin1", "text/plain", "application/json;;", "application/jsonx", "*/*",
                "application/json; charset=", "multipart/form-data; boundary=x" };
        int type = random.nextInt(10) < 7 ? random.nextInt(3) : random.nextInt(types.length);
        request.header("Content-Type", types[type]);
        if (random.nextInt(10) == 0) {
            request.header("Authorization", random.nextBoolean() ? "Bearer " + word(random) : word(random));
        }
        if (random.nextInt(10) == 0) {
            request.header("X-" + word(random), word(random));
        }
        return request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static byte[] randomBody(Random random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            byte[] noise = new byte[random.nextInt(300)];
            random.nextBytes(noise);
            return noise;
        }
        StringBuilder body = new StringBuilder("{");
        List<String> fields = new ArrayList<>();
        if (random.nextInt(10) > 0) {
            fields.add("\"event\":" + (random.nextInt(8) > 0 ? "\"" + eventName(random) + "\"" : randomValue(random, 0)));
        }
        if (random.nextBoolean()) {
            fields.add("\"room\":" + (random.nextInt(6) > 0 ? "\"" + ROOMS[random.nextInt(ROOMS.length)] + "\""
                    : random.nextBoolean() ? "\"" + junk(random) + "\"" : randomValue(random, 0)));
        }
        if (random.nextInt(3) > 0) {
            fields.add("\"data\":" + randomValue(random, 0));
        }
        if (random.nextInt(15) == 0) {
            fields.add("\"" + word(random) + "\":1");
        }
        body.append(String.join(",", fields)).append('}');
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        if (kind == 1 && bytes.length > 2) {
            // Cut short, or one byte set to something else.
            return random.nextBoolean() ? java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length))
                    : flip(bytes, random);
        }
        return bytes;
    }

    private static byte[] flip(byte[] bytes, Random random) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        return bytes;
    }

    private static String eventName(Random random) {
        return random.nextInt(5) > 0 ? "fuzz." + word(random) : junk(random);
    }

    private static String randomValue(Random random, int depth) {
        return switch (depth > 2 ? random.nextInt(4) : random.nextInt(7)) {
            case 0 -> Integer.toString(random.nextInt());
            case 1 -> "\"" + junk(random) + "\"";
            case 2 -> random.nextBoolean() ? "true" : "null";
            case 3 -> Double.toString(random.nextGaussian());
            case 4 -> "[" + randomValue(random, depth + 1) + "," + randomValue(random, depth + 1) + "]";
            default -> "{\"" + word(random) + "\":" + randomValue(random, depth + 1) + "}";
        };
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        for (int i = 0, length = 1 + random.nextInt(12); i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    /** Text that may hold escapes (lone surrogates among them), controls, format characters and astral ones. */
    private static String junk(Random random) {
        String[] pieces = { "a", "\\u0000", "\\ud800", "\\udc00", "\\ud83d\\ude00", "\u202e", "\u200b", "\\\"", "\\n",
                "\u00e9", "\uD83D\uDE00", "\\", "\\x", " ", "\u0007", "z".repeat(130) };
        StringBuilder text = new StringBuilder();
        for (int i = 0, length = random.nextInt(6); i < length; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    /** Sends random frames over several raw connections, opening a new one whenever the server closes one. */
    private CompletableFuture<Void> fuzzFrames(Random random) {
        ExecutorService threads = Executors.newFixedThreadPool(FRAME_CONNECTIONS);
        CompletableFuture<?>[] senders = new CompletableFuture<?>[FRAME_CONNECTIONS];
        for (int c = 0; c < FRAME_CONNECTIONS; c++) {
            Random own = new Random(random.nextLong());
            senders[c] = CompletableFuture.runAsync(() -> {
                try {
                    sendFrames(own, FRAMES / FRAME_CONNECTIONS);
                } catch (IOException | InterruptedException e) {
                    throw new CompletionException(e);
                }
            }, threads);
        }
        return CompletableFuture.allOf(senders).whenComplete((done, failure) -> threads.shutdown());
    }

    private void sendFrames(Random random, int count) throws IOException, InterruptedException {
        RawSocket socket = null;
        try {
            for (int i = 0; i < count; i++) {
                if (socket == null) {
                    socket = RawSocket.connect(base, random.nextInt(4) == 0 ? "rooms=" + word(random) : "");
                    assertThat(socket.handshakeStatus()).isEqualTo(101);
                }
                try {
                    socket.sendRaw(randomFrame(random));
                } catch (IOException closedByServer) {
                    socket.close();
                    socket = null;
                }
                // Under the inbound rate limit most of the time, so that frames are read, not only refused.
                Thread.sleep(random.nextInt(15));
            }
        } finally {
            if (socket != null) {
                socket.close();
            }
        }
    }

    private static byte[] randomFrame(Random random) {
        int kind = random.nextInt(10);
        int opcode = kind < 6 ? RawSocket.TEXT : kind < 7 ? RawSocket.BINARY : kind < 8 ? RawSocket.PING : random.nextInt(16);
        int bits = (random.nextInt(8) > 0 ? 0x80 : 0) | (random.nextInt(15) == 0 ? 0x10 << random.nextInt(3) : 0) | opcode;
        byte[] payload;
        int shape = random.nextInt(10);
        if (shape < 5) {
            String[] frames = { "{\"type\":\"ping\"}", "{\"type\":\"join\",\"room\":\"" + junk(random) + "\"}",
                    "{\"type\":\"leave\",\"room\":\"fz-" + random.nextInt(3) + "\"}", "{\"type\":\"" + word(random) + "\"}",
                    "{\"type\":\"join\",\"room\":" + randomValue(random, 0) + "}", "[" + randomValue(random, 1) + "]" };
            payload = frames[random.nextInt(frames.length)].getBytes(StandardCharsets.UTF_8);
        } else {
            payload = new byte[shape < 9 ? random.nextInt(200) : random.nextInt(70_000)];
            random.nextBytes(payload);
        }
        return RawSocket.frame(bits, payload, random.nextInt(40) > 0);
    }
}
