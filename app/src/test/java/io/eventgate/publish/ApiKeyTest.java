package io.eventgate.publish;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.eventgate.http.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@TestProfile(ApiKeyProfile.class)
class ApiKeyTest {

    @Test
    void refusesAPublishWithoutAKey() {
        unauthorized(given());
    }

    @Test
    void refusesAWrongKeyOrScheme() {
        unauthorized(given().header("Authorization", "Bearer s3cret-key-on"));
        unauthorized(given().header("Authorization", "Basic " + ApiKeyProfile.KEY));
        unauthorized(given().header("Authorization", "Bearer "));
    }

    @Test
    void acceptsEveryConfiguredKey() {
        publish(given().header("Authorization", "Bearer " + ApiKeyProfile.KEY)).statusCode(202);
        publish(given().header("Authorization", "bearer another-key")).statusCode(202);
    }

    @Test
    void checksTheKeyBeforeTheBody() {
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body("not json")
                .post("/events").then().statusCode(401);
    }

    @Test
    void idempotencyKeysBelongToTheirPublisher() {
        String first = publish(given().header("Authorization", "Bearer " + ApiKeyProfile.KEY)
                .header("Idempotency-Key", "shared-key")).statusCode(202).extract().path("id");
        String second = publish(given().header("Authorization", "Bearer another-key")
                .header("Idempotency-Key", "shared-key")).statusCode(202).extract().path("id");
        assertThat(second).isNotEqualTo(first);
    }

    private static void unauthorized(RequestSpecification request) {
        publish(request).statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("detail", containsString("Authorization: Bearer <key>"));
    }

    private static io.restassured.response.ValidatableResponse publish(RequestSpecification request) {
        return request.contentType(ContentType.JSON).body("{\"event\":\"e\"}").post("/events").then();
    }
}
