package com.spotfunnel.voice.support.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A browser opening the web app: any page of it, by its own link, under a CSP that lets the app run. */
@QuarkusTest
class SinglePageAppsTest {

    @Test
    void aDeepLinkGetsTheAppsPageNotA404() {
        given().get("/app/calls/123")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<title>test app</title>"));
        given().get("/app/").then().statusCode(200).body(containsString("<title>test app</title>"));
    }

    @Test
    void aMissingAssetIsStillA404() {
        given().get("/app/assets/app.js").then().statusCode(200).body(containsString("console.log"));
        given().get("/app/assets/missing.js").then().statusCode(404);
    }

    @Test
    void theRootAndTheBareBaseSendTheBrowserToTheApp() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", "/app/");
        given().redirects().follow(false).get("/app").then().statusCode(302).header("Location", "/app/");
    }

    @Test
    void theAppMayRunItsOwnScriptsButNoInlineOnesAndTheApiStaysLockedDown() {
        given().get("/app/calls/123")
                .then()
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("'unsafe-eval'")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        given().get("/test").then().header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
}
