package io.eventgate.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Publishes over real HTTP, as a client of {@code POST /events} would.
 */
public final class Publish {

    private Publish() {
    }

    public static ValidatableResponse body(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/events").then();
    }

    /** Publishes an accepted event and returns its id. */
    public static String accepted(String json) {
        return body(json).statusCode(202).extract().path("id");
    }

    /** A broadcast whose only job is to be the next frame every socket gets: nothing came before it. */
    public static String marker() {
        return accepted("{\"event\":\"test.marker\"}");
    }
}
