package com.spotfunnel.voice.support.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * What a browser or client at the edge sees, with the settings production takes from the environment
 * (src/test/resources/application.properties: CORS_ALLOWED_ORIGINS, CORS_MAX_AGE=10M, MAX_BODY_SIZE=1K).
 */
@QuarkusTest
class EdgeSecurityTest {

    private static final String ALLOWED = "https://admin.spotfunnel.test";

    @Test
    void preflightFromAnAllowedOriginIsAnsweredWithCredentialsAndCached() {
        given().header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .options("/test")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Allow-Credentials", "true")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Max-Age", "600");
    }

    @Test
    void preflightFromAnotherOriginGetsNoCorsHeaders() {
        given().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST")
                .options("/test")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
    }

    @Test
    void aCrossOriginRequestFromAnotherOriginIsRefused() {
        given().header("Origin", "https://evil.example.com")
                .get("/test")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", ALLOWED)
                .get("/test")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        given().get("/test")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                // TLS is off here (the ingress terminates it): no HSTS over plain HTTP.
                .header("Strict-Transport-Security", nullValue());
        given().get("/no-such-path").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void anOversizedBodyIsRefusedWith413AndAClearProblem() {
        given().contentType("text/plain")
                .body("x".repeat(2048))
                .post("/test")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("title", equalTo("Payload Too Large"))
                .body("detail", equalTo("The request body is 2048 bytes; this service accepts at most 1024 bytes."));
        given().contentType("text/plain")
                .body("x".repeat(1000))
                .post("/test")
                .then()
                .statusCode(200)
                .body(equalTo("received 1000"));
    }
}
