package com.spotfunnel.voice.dashboard.actions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.dashboard.projection.ProjectionWriter;
import com.spotfunnel.voice.dashboard.support.Calls;
import com.spotfunnel.voice.dashboard.support.DashboardApiProfile;
import com.spotfunnel.voice.dashboard.support.Seeder;
import com.spotfunnel.voice.dashboard.support.Tables;
import com.spotfunnel.voice.dashboard.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What people write: action items (mark, resolve with a note) and the archive, kept across a rebuild. */
@QuarkusTest
@TestProfile(DashboardApiProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ActionItemsAndArchiveTest {

    @Inject
    ProjectionWriter writer;

    @Inject
    AgroalDataSource db;

    @Test
    void flaggedCallsAreOpenUntilResolvedWithWhoWhenAndNote() {
        String tenant = tenant();
        Calls flagged = Seeder.seed(writer, Calls.of(tenant).requiresAction(true));
        Calls quiet = Seeder.seed(writer, Calls.of(tenant));
        String token = Tokens.customer(tenant);

        given().auth()
                .oauth2(token)
                .get("/api/v1/action-items")
                .then()
                .statusCode(200)
                .body("items.callId", contains(flagged.callId()));
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/calls/" + quiet.callId() + "/action-item/resolution")
                .then()
                .statusCode(400)
                .body("errors.field", contains("note"));
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"note\":\"done\"}")
                .post("/api/v1/calls/" + quiet.callId() + "/action-item/resolution")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"note\":\"Called back, booked Tue\"}")
                .post("/api/v1/calls/" + flagged.callId() + "/action-item/resolution")
                .then()
                .statusCode(200)
                .body("requiresAction", equalTo(false))
                .body("flaggedByAnalysis", equalTo(true))
                .body("resolvedBy", equalTo("staff-of-" + tenant))
                .body("resolvedAt", notNullValue())
                .body("resolutionNote", equalTo("Called back, booked Tue"));
        given().auth()
                .oauth2(token)
                .get("/api/v1/action-items")
                .then()
                .statusCode(200)
                .body("items", empty());

        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"note\":\"Needs a quote\"}")
                .post("/api/v1/calls/" + quiet.callId() + "/action-item")
                .then()
                .statusCode(200)
                .body("requiresAction", equalTo(true))
                .body("markNote", equalTo("Needs a quote"))
                .body("markedBy", equalTo("staff-of-" + tenant))
                .body("resolvedAt", nullValue());
        given().auth()
                .oauth2(token)
                .queryParam("requiresAction", "true")
                .get("/api/v1/calls")
                .then()
                .statusCode(200)
                .body("items.callId", contains(quiet.callId()));
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"note\":\"" + "x".repeat(2001) + "\"}")
                .post("/api/v1/calls/" + quiet.callId() + "/action-item")
                .then()
                .statusCode(400)
                .body("errors.field", contains("note"));
    }

    @Test
    void archiveHidesAndUnarchiveShowsAgain() {
        String tenant = tenant();
        Calls call = Seeder.seed(writer, Calls.of(tenant));
        String token = Tokens.customer(tenant);
        given().auth()
                .oauth2(token)
                .put("/api/v1/calls/" + call.callId() + "/archive")
                .then()
                .statusCode(200)
                .body("archived", equalTo(true))
                .body("archivedAt", notNullValue());
        given().auth()
                .oauth2(token)
                .put("/api/v1/calls/" + call.callId() + "/archive")
                .then()
                .statusCode(200);
        given().auth().oauth2(token).get("/api/v1/calls").then().statusCode(200).body("items", empty());
        given().auth()
                .oauth2(token)
                .get("/api/v1/calls/" + call.callId())
                .then()
                .statusCode(200)
                .body("archive.archived", equalTo(true));
        given().auth()
                .oauth2(token)
                .delete("/api/v1/calls/" + call.callId() + "/archive")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(token)
                .delete("/api/v1/calls/" + call.callId() + "/archive")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(token)
                .get("/api/v1/calls")
                .then()
                .statusCode(200)
                .body("items.callId", contains(call.callId()));
    }

    @Test
    void rebuildingTheProjectionKeepsWhatPeopleWrote() {
        String tenant = tenant();
        Calls resolved = Seeder.seed(writer, Calls.of(tenant).requiresAction(true));
        Calls archived = Seeder.seed(writer, Calls.of(tenant));
        String token = Tokens.customer(tenant);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"note\":\"sorted\"}")
                .post("/api/v1/calls/" + resolved.callId() + "/action-item/resolution")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .put("/api/v1/calls/" + archived.callId() + "/archive")
                .then()
                .statusCode(200);
        String before = Tables.everythingOf(db, tenant);

        // A rebuild: the projection's tables emptied and every event applied again.
        for (String table : new String[] {"call_logs", "call_turns", "call_cost_items", "applied_events"}) {
            Tables.execute(
                    db,
                    "DELETE FROM dashboard." + table + " WHERE call_id IN ('" + resolved.callId() + "', '"
                            + archived.callId() + "')");
        }
        Seeder.seed(writer, resolved);
        Seeder.seed(writer, archived);

        assertEquals(before, Tables.everythingOf(db, tenant));
        given().auth()
                .oauth2(token)
                .get("/api/v1/action-items")
                .then()
                .statusCode(200)
                .body("items", empty());
        given().auth()
                .oauth2(token)
                .queryParam("archived", "only")
                .get("/api/v1/calls")
                .then()
                .statusCode(200)
                .body("items.callId", contains(archived.callId()));
    }

    private static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
