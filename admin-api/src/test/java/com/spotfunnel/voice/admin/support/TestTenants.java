package com.spotfunnel.voice.admin.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Requests as an operator, and a fresh minimal tenant made through the API. */
public final class TestTenants {

    private TestTenants() {}

    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON);
    }

    /** A new tenant {@code <prefix>-<8 random characters>} with a minimal agent; its id. */
    public static String create(String prefix) {
        String tenant = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin()
                .body(Map.of(
                        "tenantId",
                        tenant,
                        "name",
                        "Test tenant " + tenant,
                        "agent",
                        Map.of("systemPrompt", "Be kind.", "greeting", "Hello")))
                .post("/tenants")
                .then()
                .statusCode(201);
        return tenant;
    }
}
