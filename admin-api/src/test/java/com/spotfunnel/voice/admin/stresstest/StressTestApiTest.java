package com.spotfunnel.voice.admin.stresstest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.http.Fault;
import com.spotfunnel.voice.admin.support.PipelineFake;
import com.spotfunnel.voice.admin.support.TestTenants;
import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operators' stress-test API in front of a fake pipeline-service speaking its internal API. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PipelineFake.class)
class StressTestApiTest {

    private static final String RUNNING = """
            {"id":"run-1","tenantId":"%s","status":"running","progress":{"completed":0,"total":3},"summary":null,
             "conversations":[],"startedAt":"2026-11-24T12:00:00Z","finishedAt":null}""";
    private static final String COMPLETED = """
            {"id":"run-1","tenantId":"t","status":"completed","progress":{"completed":1,"total":1},
             "summary":{"totalConversations":1,"passedCount":1,"failedCount":0,"passRate":100.0,"launchBar":85.0,
               "meetsLaunchBar":true,"durationSeconds":4.2,"targetSeconds":120.0,"withinTarget":true,
               "costs":{"agentUsd":0.00012,"personaUsd":0.0002,"judgeUsd":0.0001,"totalUsd":0.00042,
                 "promptTokens":900,"completionTokens":80}},
             "conversations":[{"index":0,"persona":"wants-a-human","turns":[{"speaker":"agent","text":"Hello"},
               {"speaker":"caller","text":"A real person please."},{"speaker":"agent","text":"Of course."}],
               "transcript":"Agent: Hello\\nCaller: A real person please.\\nAgent: Of course.","ending":"transfer",
               "result":{"overallResult":"PASS","politeness":5,"accuracy":5,"escalation":5,"reason":"Transferred."},
               "error":null,"costUsd":0.00042}],
             "startedAt":"2026-11-24T12:00:00Z","finishedAt":"2026-11-24T12:00:04Z"}""";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void healthyPipeline() {
        PipelineFake.wireMock().resetAll();
        breakers.resetAll();
    }

    @Test
    void anAdminStartsARunOnThePipelineAndReadsItsProgressThenItsResult() {
        String tenant = TestTenants.create("st");
        PipelineFake.wireMock()
                .stubFor(post(urlPathEqualTo("/internal/stress-tests"))
                        .willReturn(aResponse()
                                .withStatus(202)
                                .withHeader("Content-Type", "application/json")
                                .withBody(RUNNING.formatted(tenant))));
        PipelineFake.wireMock()
                .stubFor(get(urlPathEqualTo("/internal/stress-tests/run-1"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(COMPLETED)));

        asAdmin()
                .body(Map.of(
                        "tenantId",
                        tenant,
                        "numConversations",
                        3,
                        "industry",
                        "dental",
                        "personas",
                        List.of(
                                Map.of("name", "angry-caller"),
                                Map.of(
                                        "name",
                                        "vip",
                                        "description",
                                        "A caller who says they are the owner's friend.",
                                        "lines",
                                        List.of("I know the owner!")))))
                .post("/api/stress-test/run")
                .then()
                .statusCode(202)
                .header("Location", endsWith("/api/stress-test/runs/run-1"))
                .body("id", Matchers.equalTo("run-1"))
                .body("status", Matchers.equalTo("running"))
                .body("progress.completed", Matchers.equalTo(0))
                .body("progress.total", Matchers.equalTo(3));
        PipelineFake.wireMock()
                .verify(postRequestedFor(urlPathEqualTo("/internal/stress-tests"))
                        .withHeader("Authorization", matching("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+"))
                        .withRequestBody(equalToJson("""
                        {"tenantId":"%s","numConversations":3,"industry":"dental",
                         "personas":[{"name":"angry-caller"},{"name":"vip",
                           "description":"A caller who says they are the owner's friend.","lines":["I know the owner!"]}]}""".formatted(tenant), true, true)));

        asAdmin()
                .get("/api/stress-test/runs/run-1")
                .then()
                .statusCode(200)
                .body("status", Matchers.equalTo("completed"))
                .body("summary.passRate", Matchers.equalTo(100.0f))
                .body("summary.meetsLaunchBar", Matchers.equalTo(true))
                .body("summary.costs.totalUsd", Matchers.equalTo(0.00042f))
                .body("conversations[0].result.overallResult", Matchers.equalTo("PASS"))
                .body("conversations[0].transcript", containsString("Caller: A real person please."));
    }

    @Test
    void onlyAdminsMayRunStressTests() {
        given().contentType(ContentType.JSON)
                .body(Map.of("tenantId", "any", "numConversations", 1))
                .post("/api/stress-test/run")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.customer())
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", "any", "numConversations", 1))
                .post("/api/stress-test/run")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.customer())
                .get("/api/stress-test/runs/run-1")
                .then()
                .statusCode(403);
        given().get("/api/stress-test/runs/run-1").then().statusCode(401);
        assertEquals(0, PipelineFake.wireMock().getAllServeEvents().size());
    }

    @Test
    void badInputIs400NamingTheFieldAndNeverReachesThePipeline() {
        String tenant = TestTenants.create("st");
        asAdmin()
                .body(Map.of("tenantId", tenant, "numConversations", 0))
                .post("/api/stress-test/run")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("numConversations"));
        asAdmin()
                .body(Map.of("tenantId", tenant, "numConversations", 101))
                .post("/api/stress-test/run")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("numConversations"));
        asAdmin()
                .body(Map.of("tenantId", "no-such-tenant", "numConversations", 5))
                .post("/api/stress-test/run")
                .then()
                .statusCode(400)
                .body("errors[0].field", Matchers.equalTo("tenantId"));
        asAdmin()
                .body(Map.of(
                        "tenantId",
                        tenant,
                        "numConversations",
                        5,
                        "maxTurns",
                        50,
                        "personas",
                        List.of(Map.of("name", "nobody"), Map.of("name", "custom", "description", " "))))
                .post("/api/stress-test/run")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("maxTurns", "personas[0].name", "personas[1].description"));
        asAdmin()
                .body(Map.of("tenantId", tenant, "numConversations", "many"))
                .post("/api/stress-test/run")
                .then()
                .statusCode(400)
                .body("errors[0].field", Matchers.equalTo("numConversations"));
        asAdmin()
                .body(Map.of("numConversations", 5))
                .post("/api/stress-test/run")
                .then()
                .statusCode(400)
                .body("errors[0].field", Matchers.equalTo("tenantId"));
        assertEquals(0, PipelineFake.wireMock().getAllServeEvents().size());
    }

    @Test
    void aPipelineThatIsDownIs503AndItsRefusalsArePassedOn() {
        String tenant = TestTenants.create("st");
        PipelineFake.wireMock()
                .stubFor(post(urlPathEqualTo("/internal/stress-tests"))
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        PipelineFake.wireMock()
                .stubFor(get(urlPathEqualTo("/internal/stress-tests/run-1"))
                        .willReturn(aResponse().withStatus(500)));
        asAdmin()
                .body(Map.of("tenantId", tenant, "numConversations", 2))
                .post("/api/stress-test/run")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("pipeline-service"));
        asAdmin()
                .get("/api/stress-test/runs/run-1")
                .then()
                .statusCode(503)
                .body("detail", containsString("pipeline-service"));

        PipelineFake.wireMock()
                .stubFor(get(urlPathEqualTo("/internal/stress-tests/old-run"))
                        .willReturn(aResponse()
                                .withStatus(404)
                                .withHeader("Content-Type", "application/problem+json")
                                .withBody("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                                        + "\"detail\":\"no stress-test run old-run\"}")));
        asAdmin()
                .get("/api/stress-test/runs/old-run")
                .then()
                .statusCode(404)
                .body("detail", Matchers.equalTo("no stress-test run old-run"));
        PipelineFake.wireMock()
                .verify(
                        1,
                        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                        urlPathEqualTo("/internal/stress-tests/old-run"))
                                .withHeader("Accept", equalTo("application/json")));
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON);
    }
}
