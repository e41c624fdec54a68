package com.spotfunnel.voice.admin.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The operator analytics as the tests read them: asked as an admin, answered 200, money as BigDecimal (0.0120 keeps
 * its scale; a double would not compare exactly).
 */
public final class AnalyticsReports {

    private static final JsonPathConfig DECIMALS =
            JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private AnalyticsReports() {}

    /** {@code GET /analytics/costs} over the days {@code from}..{@code to}; every tenant when {@code tenantId} is null. */
    public static JsonPath costs(String tenantId, String from, String to) {
        return read(range(tenantId, from, to).get("/analytics/costs"));
    }

    /** {@code GET /analytics/intelligence}: counts, read as plain numbers. */
    public static JsonPath intelligence(String tenantId, String from, String to) {
        return range(tenantId, from, to)
                .get("/analytics/intelligence")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** {@code GET /analytics/costs/calls/{callId}}, in one tenant when {@code tenantId} is not null. */
    public static JsonPath callCost(String callId, String tenantId) {
        RequestSpecification request = given().auth().oauth2(Tokens.admin());
        if (tenantId != null) {
            request = request.queryParam("tenantId", tenantId);
        }
        return read(request.get("/analytics/costs/calls/" + callId));
    }

    private static RequestSpecification range(String tenantId, String from, String to) {
        RequestSpecification request =
                given().auth().oauth2(Tokens.admin()).queryParam("from", from).queryParam("to", to);
        return tenantId == null ? request : request.queryParam("tenantId", tenantId);
    }

    private static JsonPath read(Response response) {
        return response.then().statusCode(200).extract().jsonPath(DECIMALS);
    }
}
