package io.eventgate.publish;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.eventgate.support.Publish;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.eventgate.http.Problem;

@QuarkusTest
class PublishHttpTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TestHTTPResource("/events")
    URI events;

    @Test
    void acceptsAnEventWithItsIdAndTime() {
        Publish.body("{\"event\":\"order.created\",\"room\":\"r1\",\"data\":{\"orderId\":\"cfa3\"}}")
                .statusCode(202)
                .contentType(ContentType.JSON)
                .body("id", matchesPattern(UUID))
                .body("timestamp", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    }

    @Test
    void acceptsABroadcastWithoutDataAndAnyEventNameCharacter() {
        Publish.body("{\"event\":\"A9._:-x\"}").statusCode(202);
        Publish.body("{\"event\":\"e\",\"room\":null,\"data\":null}").statusCode(202);
        Publish.body("{\"event\":\"e\",\"data\":[1,\"two\",{\"three\":3}]}").statusCode(202);
    }

    @Test
    void countsLengthsInCodePoints() {
        String room128 = "😀".repeat(128);
        Publish.body("{\"event\":\"e\",\"room\":\"" + room128 + "\"}").statusCode(202);
        problem(Publish.body("{\"event\":\"e\",\"room\":\"" + room128 + "😀\"}"), 400, "'room' must be at most 128");
        Publish.body("{\"event\":\"" + "e".repeat(128) + "\"}").statusCode(202);
        problem(Publish.body("{\"event\":\"" + "e".repeat(129) + "\"}"), 400, "'event' must be at most 128");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "event is a number       | {\"event\":42}                              | 'event' must be a string, not a number",
            "event is missing        | {\"room\":\"r1\"}                           | 'event' is required",
            "event is null           | {\"event\":null}                            | 'event' is required",
            "event is empty          | {\"event\":\"\"}                            | 'event' must not be empty",
            "event has a space       | {\"event\":\"order created\"}               | 'event' must match",
            "event starts with a dot | {\"event\":\".order\"}                      | 'event' must match",
            "event is not ASCII      | {\"event\":\"commandé\"}                    | 'event' must match",
            "room is a number        | {\"event\":\"e\",\"room\":7}                | 'room' must be a string, not a number",
            "room is an object       | {\"event\":\"e\",\"room\":{}}               | 'room' must be a string, not an object",
            "room is empty           | {\"event\":\"e\",\"room\":\"\"}             | 'room' must not be empty",
            "room has a newline      | {\"event\":\"e\",\"room\":\"a\\nb\"}        | 'room' must not contain control or format characters (found U+000A)",
            "unknown field           | {\"event\":\"e\",\"rom\":\"r1\"}            | Unknown field 'rom'",
            "duplicate field         | {\"event\":\"e\",\"event\":\"f\"}           | Duplicate field 'event'",
            "an array                | [{\"event\":\"e\"}]                         | must be a JSON object, not an array",
            "a string                | \"order.created\"                           | must be a JSON object, not a string",
            "two values              | {\"event\":\"e\"} {\"event\":\"f\"}         | Malformed JSON at line 1",
            "broken JSON             | {\"event\":\"e\",                           | Malformed JSON at line 1, column",
    })
    void refusesInvalidBodiesSayingWhatIsWrong(String name, String body, String detail) {
        problem(Publish.body(body), 400, detail);
    }

    @Test
    void namesTheLineAndColumnOfBrokenJson() {
        problem(Publish.body("{\"event\":\"e\",\n \"room\": }"), 400, "Malformed JSON at line 2, column 10");
    }

    @Test
    void refusesAnEmptyBody() {
        problem(given().contentType(ContentType.JSON).body("").post("/events").then(), 400, "The request body is empty");
    }

    @Test
    void refusesOtherMediaTypes() {
        problem(given().contentType("text/plain").body("{\"event\":\"e\"}").post("/events").then(), 415,
                "'text/plain' is not supported");
        problem(given().contentType("application/xml").body("{\"event\":\"e\"}").post("/events").then(), 415,
                "send application/json");
    }

    @Test
    void refusesAMissingContentType() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(events)
                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"e\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(response.body()).contains("Content-Type is missing");
    }

    @Test
    void acceptsAUtf8CharsetParameterAndRefusesAnyOther() {
        given().contentType("application/json; charset=UTF-8").body("{\"event\":\"e\"}").post("/events").then()
                .statusCode(202);
        given().contentType("application/json;charset=\"utf-8\"").body("{\"event\":\"e\"}").post("/events").then()
                .statusCode(202);
        given().contentType("application/json;charset=\"iso-8859-1\"")
                .body("{\"event\":\"e\",\"data\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1))
                .post("/events").then().statusCode(415).contentType(Problem.MEDIA_TYPE)
                .body("detail", org.hamcrest.Matchers.containsString("charset 'iso-8859-1' is not supported"));
    }

    @Test
    void refusesAnUnknownCharset() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(events)
                .header("Content-Type", "application/json; charset=klingon")
                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"e\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("charset 'klingon' is not supported");
    }

    @Test
    void refusesABodyOverOneMebibyte() {
        String padding = " ".repeat(1024 * 1024);
        problem(Publish.body("{\"event\":\"e\"}" + padding), 413, "larger than the limit of 1048576 bytes");
        Publish.body("{\"event\":\"e\"}" + padding.substring(13)).statusCode(202);
    }

    @Test
    void refusesAChunkedBodyOverOneMebibyte() throws Exception {
        byte[] body = ("{\"event\":\"e\",\"data\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        // An input stream of unknown length is sent chunked, without Content-Length.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(events)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    }

    @Test
    void answersOtherMethodsWithAProblem() {
        problem(given().get("/events").then(), 405, "");
    }

    private static void problem(io.restassured.response.ValidatableResponse response, int status, String detail) {
        response.statusCode(status)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("title", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()))
                .body("type", equalTo("about:blank"))
                .body("instance", equalTo("/events"))
                .body("detail", containsString(detail));
    }
}
