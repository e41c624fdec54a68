package com.spotfunnel.voice.dashboard.calls;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.spotfunnel.voice.dashboard.projection.ProjectionWriter;
import com.spotfunnel.voice.dashboard.support.Calls;
import com.spotfunnel.voice.dashboard.support.DashboardApiProfile;
import com.spotfunnel.voice.dashboard.support.Seeder;
import com.spotfunnel.voice.dashboard.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may see what: 401 without a valid token, 403 without a role or a tenant, 404 across tenants. */
@QuarkusTest
@TestProfile(DashboardApiProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class AuthAndTenancyTest {

    /** Every endpoint, as method + path, with a call of tenant A where one is needed. */
    private static final List<String[]> ENDPOINTS = List.of(
            new String[] {"GET", "/api/v1/calls"},
            new String[] {"GET", "/api/v1/calls/%s"},
            new String[] {"GET", "/api/v1/action-items"},
            new String[] {"POST", "/api/v1/calls/%s/action-item"},
            new String[] {"POST", "/api/v1/calls/%s/action-item/resolution"},
            new String[] {"PUT", "/api/v1/calls/%s/archive"},
            new String[] {"DELETE", "/api/v1/calls/%s/archive"},
            new String[] {"GET", "/api/v1/exports/calls.csv"},
            new String[] {"GET", "/api/v1/analytics?from=2026-11-01&to=2026-11-30"});

    @Inject
    ProjectionWriter writer;

    private Calls callOfA;
    private Calls callOfB;

    @BeforeEach
    void twoTenants() {
        callOfA = Seeder.seed(writer, Calls.of("tenant-a").requiresAction(true));
        callOfB = Seeder.seed(writer, Calls.of("tenant-b").requiresAction(true));
    }

    @Test
    void everyEndpointAnswers401WithoutAValidToken() {
        for (String[] endpoint : ENDPOINTS) {
            for (String token :
                    new String[] {null, "not-a-jwt", Tokens.expired("tenant-a"), Tokens.otherAudience("tenant-a")}) {
                RequestSpecification request =
                        given().contentType("application/json").body("{\"note\":\"n\"}");
                if (token != null) {
                    request = request.auth().oauth2(token);
                }
                request.request(endpoint[0], path(endpoint, callOfA))
                        .then()
                        .statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", "Bearer");
            }
        }
    }

    @Test
    void everyEndpointAnswers403WithoutARoleOrATenant() {
        for (String[] endpoint : ENDPOINTS) {
            for (String token : new String[] {Tokens.roleless(), Tokens.customerWithoutTenant()}) {
                given().auth()
                        .oauth2(token)
                        .contentType("application/json")
                        .body("{\"note\":\"n\"}")
                        .request(endpoint[0], path(endpoint, callOfA))
                        .then()
                        .statusCode(403)
                        .contentType("application/problem+json");
            }
        }
    }

    @Test
    void aCustomerNamingAnotherTenantIs403() {
        for (String[] endpoint : ENDPOINTS) {
            String path = path(endpoint, callOfA);
            given().auth()
                    .oauth2(Tokens.customer("tenant-a"))
                    .contentType("application/json")
                    .body("{\"note\":\"n\"}")
                    .queryParam("tenantId", "tenant-b")
                    .request(endpoint[0], path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void anotherTenantsCallIs404OnEveryCallEndpointAndNothingOfItLeaks() {
        for (String[] endpoint : ENDPOINTS) {
            if (!endpoint[1].contains("%s")) {
                continue;
            }
            given().auth()
                    .oauth2(Tokens.customer("tenant-a"))
                    .contentType("application/json")
                    .body("{\"note\":\"n\"}")
                    .request(endpoint[0], path(endpoint, callOfB))
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", not(org.hamcrest.Matchers.containsString("tenant-b")));
        }
        // B's call is untouched by A's attempts.
        given().auth()
                .oauth2(Tokens.customer("tenant-b"))
                .get("/api/v1/calls/" + callOfB.callId())
                .then()
                .statusCode(200)
                .body("action.requiresAction", equalTo(true))
                .body("archive.archived", equalTo(false));
    }

    @Test
    void twoTenantsNeverSeeEachOthersCalls() {
        given().auth()
                .oauth2(Tokens.customer("tenant-a"))
                .queryParam("limit", 25)
                .get("/api/v1/calls")
                .then()
                .statusCode(200)
                .body("items.callId", hasItem(callOfA.callId()))
                .body("items.callId", not(hasItem(callOfB.callId())));
        given().auth()
                .oauth2(Tokens.customer("tenant-b"))
                .queryParam("limit", 25)
                .get("/api/v1/calls")
                .then()
                .statusCode(200)
                .body("items.callId", hasItem(callOfB.callId()))
                .body("items.callId", not(hasItem(callOfA.callId())));
        given().auth()
                .oauth2(Tokens.customer("tenant-a"))
                .queryParam("q", "cleaning")
                .get("/api/v1/calls")
                .then()
                .statusCode(200)
                .body("items.callId", not(hasItem(callOfB.callId())));
        String csv = given().auth()
                .oauth2(Tokens.customer("tenant-a"))
                .get("/api/v1/exports/calls.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains(callOfA.callId()));
        org.junit.jupiter.api.Assertions.assertFalse(csv.contains(callOfB.callId()));
    }

    @Test
    void anAdminNamesTheTenantAndMustNameOne() {
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("tenantId", "tenant-b")
                .queryParam("limit", 25)
                .get("/api/v1/calls")
                .then()
                .statusCode(200)
                .body("items.callId", hasItem(callOfB.callId()))
                .body("items.callId", not(hasItem(callOfA.callId())));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("tenantId", "tenant-b")
                .get("/api/v1/calls/" + callOfB.callId())
                .then()
                .statusCode(200)
                .body("tenantId", equalTo("tenant-b"));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("tenantId", "tenant-a")
                .get("/api/v1/calls/" + callOfB.callId())
                .then()
                .statusCode(404);
        for (String[] endpoint : ENDPOINTS) {
            given().auth()
                    .oauth2(Tokens.admin())
                    .contentType("application/json")
                    .body("{\"note\":\"n\"}")
                    .request(endpoint[0], path(endpoint, callOfA))
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("tenantId"));
        }
    }

    @Test
    void badIdentifiersAre400NamingTheField() {
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("tenantId", "x' OR '1'='1")
                .get("/api/v1/calls")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("tenantId"));
        for (String[] endpoint : ENDPOINTS) {
            if (!endpoint[1].contains("%s")) {
                continue;
            }
            given().auth()
                    .oauth2(Tokens.customer("tenant-a"))
                    .contentType("application/json")
                    .body("{\"note\":\"n\"}")
                    .urlEncodingEnabled(true)
                    .request(endpoint[0], endpoint[1].replace("%s", "{id}"), "a;DROP TABLE x")
                    .then()
                    .statusCode(400)
                    .body("errors.field", everyItem(equalTo("callId")));
        }
    }

    private static String path(String[] endpoint, Calls call) {
        return endpoint[1].contains("%s") ? String.format(endpoint[1], call.callId()) : endpoint[1];
    }
}
