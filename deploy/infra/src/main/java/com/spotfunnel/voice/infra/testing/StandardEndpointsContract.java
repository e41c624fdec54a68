package com.spotfunnel.voice.infra.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What every service must answer for its operators: liveness, a readiness that covers the real
 * dependencies it names, Prometheus metrics, and its OpenAPI document. A service's test
 * extends this and says which readiness checks it must have.
 */
public abstract class StandardEndpointsContract {

    /** Substrings of the readiness check names this service must report (for example "Reactive Messaging" for Kafka). */
    protected abstract List<String> requiredReadinessChecks();

    /** The title of the service's OpenAPI document. */
    protected abstract String openApiTitle();

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessBecomesUpAndCoversItsRealDependencies() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        List<String> names = given().get("/q/health/ready").then().extract().jsonPath().getList("checks.name");
        for (String required : requiredReadinessChecks()) {
            org.junit.jupiter.api.Assertions.assertTrue(names.stream().anyMatch(n -> n.contains(required)),
                    "readiness has a check about " + required + ": " + names);
        }
    }

    @Test
    void prometheusMetricsAreServed() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentDescribesTheService() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo(openApiTitle()))
                .body("openapi", containsString("3."));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

}
