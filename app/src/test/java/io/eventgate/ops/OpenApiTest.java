package io.eventgate.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void describesThePublishWithItsErrorAnswersAndExamples() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/events'.post.requestBody.content.'application/json'.schema.required", hasItems("event"))
                .body("paths.'/events'.post.requestBody.content.'application/json'.schema.properties", hasKey("room"))
                .body("paths.'/events'.post.requestBody.content.'application/json'.examples", hasKey("to a room"))
                .body("paths.'/events'.post.responses.keySet()", hasItems("202", "400", "401", "413", "415", "503"))
                .body("paths.'/events'.post.responses.'400'.content.'application/problem+json'.schema", notNullValue());
    }

    @Test
    void declaresTheApiKeySchemeOfThePublishAndTheMinting() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.'api-key'.type", equalTo("http"))
                .body("components.securitySchemes.'api-key'.scheme", equalTo("bearer"))
                .body("paths.'/events'.post.security[0]", hasKey("api-key"))
                .body("paths.'/tokens'.post.security[0]", hasKey("api-key"))
                .body("paths.'/tokens'.post.responses.keySet()", hasItems("201", "400", "401", "503"));
    }
}
