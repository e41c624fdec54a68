package com.spotfunnel.voice.infra.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** Assertions on what a service shows at {@code /q/metrics}, as an operator's Prometheus would see it. */
public final class PrometheusMetrics {

    private PrometheusMetrics() {}

    /** Waits (up to 30 s) until this exact sample line, such as {@code foo_total{a="b"} 1.0}, is exposed. */
    public static void awaitLine(String line) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(
                        () -> given().get("/q/metrics").then().statusCode(200).body(containsString(line)));
    }

    /** The value of the sample whose name and labels are exactly {@code series} (e.g. {@code foo_total{a="b"}}), or 0. */
    public static double value(String series) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
