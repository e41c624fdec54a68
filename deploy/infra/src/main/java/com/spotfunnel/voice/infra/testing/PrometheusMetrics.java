package com.spotfunnel.voice.infra.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import org.awaitility.Awaitility;

/** Assertions on what a service shows at {@code /q/metrics}, as an operator's Prometheus would see it. */
public final class PrometheusMetrics {

    private PrometheusMetrics() {
    }

    /** Waits (up to 30 s) until this exact sample line, such as {@code foo_total{a="b"} 1.0}, is exposed. */
    public static void awaitLine(String line) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get("/q/metrics").then().statusCode(200).body(containsString(line)));
    }
}
