package com.spotfunnel.voice.dashboard.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(DashboardApiProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ExportTest {

    @Inject
    ProjectionWriter writer;

    @Test
    void exportsEveryMatchingCallQuotedAndNeutralised() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Calls nasty = Seeder.seed(
                writer,
                Calls.of(tenant)
                        .startedAt(Instant.parse("2026-11-02T08:00:00Z"))
                        .reason("=HYPERLINK(\"http://evil\",\"click\")")
                        .summary("Said \"hi\", then\nhung up")
                        .callerPhone("+15550001111"));
        for (int i = 0; i < 260; i++) {
            Seeder.seed(
                    writer,
                    Calls.of(tenant)
                            .turns("hi")
                            .startedAt(Instant.parse("2026-11-03T08:00:00Z").plusSeconds(i))
                            .reason("@cmd " + i));
        }
        Response response = given().auth().oauth2(Tokens.customer(tenant)).get("/api/v1/exports/calls.csv");
        response.then().statusCode(200).header("Content-Disposition", "attachment; filename=\"calls.csv\"");
        assertTrue(response.contentType().startsWith("text/csv"), response.contentType());
        String csv = response.asString();

        String[] records = csv.split("\r\n(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        assertEquals(1 + 261, records.length, "header + every call (more than one chunk of lines)");
        assertTrue(records[0].startsWith("call_id,started_at,ended_at,duration_seconds,status,caller_phone"));
        String nastyLine = records[records.length - 1];
        assertTrue(nastyLine.startsWith(nasty.callId() + ",2026-11-02T08:00:00Z,"), nastyLine);
        assertTrue(nastyLine.contains(",'+15550001111,"), nastyLine);
        assertTrue(nastyLine.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\","), nastyLine);
        assertTrue(nastyLine.contains(",\"Said \"\"hi\"\", then\nhung up\","), nastyLine);
        assertTrue(records[1].contains(",'@cmd 259,"), records[1]);
        assertTrue(csv.endsWith("\r\n"));

        // The same filters as the list.
        String filtered = given().auth()
                .oauth2(Tokens.customer(tenant))
                .queryParam("to", "2026-11-02")
                .get("/api/v1/exports/calls.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(2, filtered.split("\r\n(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)").length);
        given().auth()
                .oauth2(Tokens.customer(tenant))
                .queryParam("status", "nope")
                .get("/api/v1/exports/calls.csv")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
