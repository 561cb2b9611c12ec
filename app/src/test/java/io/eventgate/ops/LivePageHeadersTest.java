package io.eventgate.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/** The live page carries its own security headers: a strict CSP, no sniffing, never in a frame. */
@QuarkusTest
class LivePageHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/index.html", "/live.js", "/live.css", "/client/index.js" })
    void everyPartOfTheLivePageHasItsSecurityHeaders(String path) {
        given().get(path).then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("connect-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"));
    }
}
