package io.eventgate.support;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the service's meters at {@code /q/metrics}, as Prometheus would. */
public final class Metrics {

    private Metrics() {
    }

    /** The value of the series named exactly {@code series} (with its labels); 0 when it does not exist yet. */
    public static double value(String series) {
        return valueIn(given().get("/q/metrics").then().statusCode(200).extract().asString(), series);
    }

    /** The value of {@code series} in a scrape of {@code /q/metrics}; 0 when it is not there. */
    public static double valueIn(String scrape, String series) {
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
