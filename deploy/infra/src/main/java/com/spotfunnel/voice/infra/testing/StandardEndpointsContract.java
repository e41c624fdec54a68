package com.spotfunnel.voice.infra.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What every service must answer for its operators: liveness, a readiness that covers the real
 * dependencies it names, Prometheus metrics, its OpenAPI document, and the edge-security basics (security
 * headers, CORS refusing unlisted origins, the request-body limit). A service's test
 * extends this and says which readiness checks it must have.
 */
public abstract class StandardEndpointsContract {

    /** Substrings of the readiness check names this service must report (for example "Reactive Messaging" for Kafka). */
    protected abstract List<String> requiredReadinessChecks();

    /** The title of the service's OpenAPI document. */
    protected abstract String openApiTitle();

    /** The largest request body this service accepts, in bytes ({@code quarkus.http.limits.max-body-size}). */
    protected abstract long maxRequestBodyBytes();

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessBecomesUpAndCoversItsRealDependencies() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() ->
                        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        List<String> names =
                given().get("/q/health/ready").then().extract().jsonPath().getList("checks.name");
        for (String required : requiredReadinessChecks()) {
            assertTrue(
                    names.stream().anyMatch(n -> n.contains(required)),
                    "readiness has a check about " + required + ": " + names);
        }
    }

    @Test
    void prometheusMetricsAreServed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentDescribesTheService() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo(openApiTitle()))
                .body("openapi", containsString("3."));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        io.restassured.response.Response response = given().get("/q/health/live");
        response.then()
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
        assertEquals(
                List.of("default-src 'none'; frame-ancestors 'none'"),
                response.headers().getValues("Content-Security-Policy"));
    }

    @Test
    void swaggerUiGetsOnePolicyThatLetsItsInlineScriptRun() {
        List<String> policies = given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .extract()
                .headers()
                .getValues("Content-Security-Policy");
        assertEquals(1, policies.size(), policies::toString);
        assertTrue(policies.get(0).contains("script-src 'self' 'unsafe-inline'"), policies::toString);
        assertTrue(policies.get(0).contains("frame-ancestors 'none'"), policies::toString);
    }

    /**
     * A browser on an unlisted origin is never allowed to read an answer. Services with browser clients refuse
     * the preflight (403); services without any (the gateway, the pipeline) do no CORS at all, which a browser
     * treats the same, and a server-to-server client that sends an Origin (Twilio's media socket) is not refused.
     */
    @Test
    void aPreflightFromAnUnlistedOriginIsNotAllowed() {
        io.restassured.response.ValidatableResponse preflight = given().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST")
                .options("/q/health/live")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
        if (browserClients()) {
            preflight.statusCode(403);
        }
    }

    /** Whether browsers call this service (CORS on, unlisted origins refused), or only servers do (CORS off). */
    protected boolean browserClients() {
        return true;
    }

    @Test
    void aBodyOverTheServiceLimitIsRefusedWith413AndAProblem() {
        given().contentType("application/json")
                .body(new byte[(int) maxRequestBodyBytes() + 1])
                .post("/q/health/live")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("Payload Too Large"))
                .body("detail", containsString("at most " + maxRequestBodyBytes() + " bytes"));
    }
}
