package com.spotfunnel.voice.dashboard.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16 items 5 and 9 on dashboard-api: every input that cannot be served is a 4xx problem naming the field. */
@QuarkusTest
@TestProfile(DashboardApiProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class EdgeStrictnessTest {

    private static final String TENANT = "tenant-edge";

    @Inject
    ProjectionWriter writer;

    @Test
    void datesPostgresCannotHoldAreA400NamingTheParameter() {
        for (String path : List.of("/api/v1/calls", "/api/v1/action-items", "/api/v1/exports/calls.csv")) {
            asCustomer()
                    .queryParam("from", "+1000000000-12-31T23:59:59Z")
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("from"));
            asCustomer()
                    .queryParam("to", "-999999999-01-01T00:00:00Z")
                    .get(path)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("to"));
        }
        asCustomer()
                .queryParam("from", "+1000000000-12-31")
                .queryParam("to", "+1000000001-01-01")
                .get("/api/v1/analytics")
                .then()
                .statusCode(400);
    }

    @Test
    void bodiesAreReadStrictly() {
        Calls call = Seeder.seed(writer, Calls.of(TENANT));
        String path = "/api/v1/calls/" + call.callId() + "/action-item";
        asCustomer()
                .contentType(ContentType.JSON)
                .body("{\"note\":\"a\",\"note\":\"b\"}")
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("note"));
        asCustomer()
                .contentType(ContentType.JSON)
                .body("{\"note\":42}")
                .post(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
        asCustomer()
                .contentType(ContentType.JSON)
                .body("{\"note\":\"a\\u0000b\"}")
                .post(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
        asCustomer().get("/api/v1/calls/%00").then().statusCode(400).body("errors[0].field", equalTo("callId"));
        asCustomer()
                .contentType(ContentType.JSON)
                .body("{\"note\":\"fine\"}")
                .post(path)
                .then()
                .statusCode(200);
    }

    @Test
    void theExportIsNotPagedAndSaysSoWhenAskedForAPage() {
        asCustomer()
                .queryParam("limit", "10")
                .get("/api/v1/exports/calls.csv")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        asCustomer()
                .queryParam("cursor", "abc")
                .get("/api/v1/exports/calls.csv")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        asCustomer()
                .queryParam("limit", "abc")
                .get("/api/v1/calls")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void refusalsAtTheEdgeHaveProblemBodies() {
        given().get("/api/v1/calls").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2("garbage")
                .get("/api/v1/calls")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.roleless())
                .get("/api/v1/calls")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        asCustomer()
                .get("/api/v1/calls?q=" + "a".repeat(6000))
                .then()
                .statusCode(414)
                .contentType("application/problem+json");
        asCustomer()
                .header("X-Filler", "b".repeat(12000))
                .get("/api/v1/calls")
                .then()
                .statusCode(431)
                .contentType("application/problem+json");
    }

    @Test
    void aRefusedCrossOriginRequestCarriesNoCorsHeaders() {
        Response preflight = given().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/calls");
        Response simple =
                asCustomer().header("Origin", "https://evil.example.com").get("/api/v1/calls");
        // This host's own origin, but a method the policy does not list: Quarkus had set the allow headers already.
        Response method = asCustomer()
                .header("Origin", "http://localhost:" + io.restassured.RestAssured.port)
                .request("PROPFIND", "/api/v1/calls");
        for (Response response : List.of(preflight, simple, method)) {
            assertTrue(response.statusCode() == 403, () -> "status " + response.statusCode());
            assertTrue(
                    String.valueOf(response.contentType()).startsWith("application/problem+json"),
                    () -> "content type " + response.contentType());
            List<String> cors = response.headers().asList().stream()
                    .map(Header::getName)
                    .filter(name -> name.toLowerCase().startsWith("access-control-"))
                    .toList();
            assertTrue(cors.isEmpty(), () -> "CORS headers on a refused request: " + cors);
        }
    }

    private static RequestSpecification asCustomer() {
        return given().auth().oauth2(Tokens.customer(TENANT));
    }
}
