package com.spotfunnel.voice.pipeline.stress;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.spotfunnel.voice.pipeline.fakes.Checks.assertAmount;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.spotfunnel.voice.events.serde.ContractJson;
import com.spotfunnel.voice.events.stress.ConversationResult;
import com.spotfunnel.voice.events.stress.ConversationResult.Turn;
import com.spotfunnel.voice.events.stress.PersonaSpec;
import com.spotfunnel.voice.events.stress.StressTestRequest;
import com.spotfunnel.voice.events.stress.StressTestRun;
import com.spotfunnel.voice.events.stress.Summary;
import com.spotfunnel.voice.events.tenant.AgentConfig;
import com.spotfunnel.voice.events.tenant.ProviderOrder;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantRegistry;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.pipeline.fakes.FakesReset;
import com.spotfunnel.voice.pipeline.fakes.ProviderFakes;
import com.spotfunnel.voice.pipeline.fakes.Sse;
import com.spotfunnel.voice.pipeline.llm.ChatMessage;
import com.spotfunnel.voice.pipeline.llm.LlmChain;
import com.spotfunnel.voice.pipeline.llm.LlmRequest;
import com.spotfunnel.voice.pipeline.provider.StageListener;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stress-test runs against WireMock LLMs speaking OpenAI's and Gemini's SSE: the tenant's agent answers through
 * Gemini (its own provider order), the caller personas and the judge through OpenAI (the default order). Every
 * scripted answer is chosen by what the request carries (persona brief, judge brief, the conversation so far),
 * so conversations running side by side each get their own.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
@WithTestResource(OidcWiremockTestResource.class)
class StressTestRunTest extends FakesReset {

    private static final String TENANT = "t-stress";
    private static final String GREETING = "Acme Plumbing, how can I help?";
    private static final String HOURS_ASKER = "A homeowner who wants to know the opening hours.";
    private static final String HUMAN_SEEKER = "A caller who wants a real person straight away.";
    private static final String ANSWER = "We are open nine to five. Anything else?";

    @Inject
    TenantRegistry tenants;

    @Inject
    LlmChain llm;

    /**
     * A cold JVM on a busy machine can miss the tests' 1 s first-token timeout on its first requests, and a persona
     * or judge answered by the fallback provider would change the transcript: both fakes answer once first.
     */
    @BeforeEach
    void warmedUp() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> answers("openai") && answers("gemini"));
        ProviderFakes.wireMock().resetRequests();
        breakers.resetAll();
    }

    private boolean answers(String provider) {
        try {
            llm.stream(
                            List.of(provider),
                            new LlmRequest("warm-up", List.of(ChatMessage.user("hi"))),
                            StageListener.NONE)
                    .collect()
                    .asList()
                    .await()
                    .atMost(Duration.ofSeconds(10));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @BeforeEach
    void acmePlumbing() {
        tenants.apply(new TenantConfig(
                TENANT,
                1,
                "Acme Plumbing",
                "plumbing",
                true,
                List.of(),
                new AgentConfig(
                        "You are Acme Plumbing's receptionist.",
                        GREETING,
                        null,
                        new ProviderOrder(List.of(), List.of("gemini"), List.of()),
                        null,
                        Map.of(),
                        null),
                Instant.now()));
    }

    @Test
    void aScriptedRunGivesTranscriptsVerdictsPassRateProgressAndCosts() {
        // the hours asker asks, then says goodbye once it heard the answer
        persona(HOURS_ASKER, null, 2, "When are you open?");
        persona(HOURS_ASKER, ANSWER, 1, "Thanks, that's all. Goodbye.");
        // the human seeker's LLMs answer slowly (400 ms each, well within the 1 s first-token timeout), so the run
        // is seen half done meanwhile
        ProviderFakes.wireMock()
                .stubFor(ProviderFakes.openAi()
                        .atPriority(2)
                        .withRequestBody(containing(CallerPersona.ROLE))
                        .withRequestBody(containing(HUMAN_SEEKER))
                        .willReturn(ProviderFakes.sse(Sse.openAi("Can I talk to a real person?"))
                                .withFixedDelay(400)));
        ProviderFakes.stubGemini(ProviderFakes.sse(Sse.gemini("We are open nine to five. ", "Anything else?")));
        judge(
                HOURS_ASKER,
                ProviderFakes.sse(Sse.openAi(
                        "{\"politeness\": 5, \"accuracy\": 5, ",
                        "\"escalation\": 4, \"pass\": true, \"reason\": \"Answered the hours.\"}")));
        // garbage from the judge
        judge(
                HUMAN_SEEKER,
                ProviderFakes.sse(Sse.openAi("I think ", "it went ", "fine!")).withFixedDelay(400));

        StressTestRequest request = new StressTestRequest(
                TENANT,
                3,
                null,
                null,
                null,
                List.of(
                        new PersonaSpec("hours-asker", HOURS_ASKER, "Gives the hours.", List.of("When are you open?")),
                        new PersonaSpec("human-seeker", HUMAN_SEEKER, "Transfers at once.", null)),
                4);
        String location = given().contentType(ContentType.JSON)
                .body(json(request))
                .post("/internal/stress-tests")
                .then()
                .statusCode(202)
                .body("status", equalTo("running"))
                .body("progress.completed", equalTo(0))
                .body("progress.total", equalTo(3))
                .extract()
                .header("Location");

        List<StressTestRun> seen = new ArrayList<>();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    StressTestRun run = read(location);
                    seen.add(run);
                    return run.status().equals(StressTestRun.COMPLETED);
                });
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).progress().completed()
                    >= seen.get(i - 1).progress().completed());
        }
        assertTrue(
                seen.stream()
                        .anyMatch(r -> r.status().equals(StressTestRun.RUNNING)
                                && r.progress().completed() == 2
                                && r.conversations().size() == 2
                                && r.summary() == null),
                "the two quick conversations were reported first");

        StressTestRun run = seen.get(seen.size() - 1);
        assertEquals(new StressTestRun.Progress(3, 3), run.progress());
        List<ConversationResult> conversations = run.conversations();
        assertEquals(
                List.of(0, 1, 2),
                conversations.stream().map(ConversationResult::index).toList());

        ConversationResult hours = conversations.get(0);
        assertEquals("hours-asker", hours.persona());
        assertEquals(
                List.of(
                        new Turn("agent", GREETING),
                        new Turn("caller", "When are you open?"),
                        new Turn("agent", ANSWER),
                        new Turn("caller", "Thanks, that's all. Goodbye."),
                        new Turn("agent", "Thanks for calling. Goodbye!")),
                hours.turns());
        assertEquals(
                "Agent: " + GREETING + "\nCaller: When are you open?\nAgent: " + ANSWER
                        + "\nCaller: Thanks, that's all. Goodbye.\nAgent: Thanks for calling. Goodbye!",
                hours.transcript());
        assertEquals("hangup", hours.ending());
        assertEquals("PASS", hours.result().overallResult());
        assertEquals(
                List.of(5, 5, 4),
                List.of(
                        hours.result().politeness(),
                        hours.result().accuracy(),
                        hours.result().escalation()));
        assertEquals("Answered the hours.", hours.result().reason());
        assertNull(hours.error());
        assertEquals(hours.turns(), conversations.get(2).turns());

        ConversationResult human = conversations.get(1);
        assertEquals(
                List.of(
                        new Turn("agent", GREETING),
                        new Turn("caller", "Can I talk to a real person?"),
                        new Turn("agent", "Of course. Let me connect you with someone now.")),
                human.turns());
        assertEquals("transfer", human.ending());
        assertEquals("FAIL", human.result().overallResult());
        assertTrue(
                human.result()
                        .reason()
                        .startsWith("judge answer unreadable (not a JSON object): I think it went fine!"),
                human.result().reason());
        assertNull(human.result().politeness());

        Summary summary = run.summary();
        assertEquals(3, summary.totalConversations());
        assertEquals(2, summary.passedCount());
        assertEquals(1, summary.failedCount());
        assertEquals(66.7, summary.passRate());
        assertEquals(85.0, summary.launchBar());
        assertFalse(summary.meetsLaunchBar());
        assertTrue(summary.withinTarget());
        // OpenAI (persona, judge): 120 prompt + 12 completion tokens at 0.000001 / 0.000002 = 0.000144 a request;
        // Gemini (agent): 100 + 8 at 0.0000005 / 0.0000015 = 0.000062. Persona: 2 + 1 + 2 requests, judge: 3, agent: 2.
        assertAmount("0.000124", summary.costs().agentUsd());
        assertAmount("0.00072", summary.costs().personaUsd());
        assertAmount("0.000432", summary.costs().judgeUsd());
        assertAmount("0.001276", summary.costs().totalUsd());
        assertEquals(8 * 120 + 2 * 100, summary.costs().promptTokens());
        assertEquals(8 * 12 + 2 * 8, summary.costs().completionTokens());
        assertAmount("0.000494", hours.costUsd());

        // the agent was the tenant's: its prompt, asked through its own provider order
        LoggedRequest agentAsked = ProviderFakes.wireMock()
                .findAll(WireMock.postRequestedFor(
                        WireMock.urlPathEqualTo("/v1beta/models/gemini-3.5-flash-lite:streamGenerateContent")))
                .get(0);
        String system = new JsonObject(agentAsked.getBodyAsString())
                .getJsonObject("systemInstruction")
                .getJsonArray("parts")
                .getJsonObject(0)
                .getString("text");
        assertTrue(system.startsWith("You are Acme Plumbing's receptionist."), system);
    }

    @Test
    void aConversationWhoseLlmChainFailsIsAFailedResultWithTheErrorAndTheRunGoesOn() {
        persona(HOURS_ASKER, null, 2, "Do you service boilers?");
        ProviderFakes.stubGemini(ProviderFakes.status(503));
        StressTestRequest request = new StressTestRequest(
                TENANT,
                1,
                "heating",
                "You are a draft receptionist.",
                "Boilers are serviced on Mondays.\nWe never work Sundays.",
                List.of(new PersonaSpec("hours-asker", HOURS_ASKER, null, null)),
                null);
        String location = given().contentType(ContentType.JSON)
                .body(json(request))
                .post("/internal/stress-tests")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        StressTestRun run = awaitCompleted(location);

        ConversationResult broken = run.conversations().get(0);
        assertEquals("error", broken.ending());
        assertEquals("FAIL", broken.result().overallResult());
        assertTrue(broken.error().startsWith("agent failed: "), broken.error());
        assertTrue(broken.error().contains("every LLM provider failed"), broken.error());
        assertEquals(broken.error(), broken.result().reason());
        assertEquals(
                List.of(new Turn("agent", GREETING), new Turn("caller", "Do you service boilers?")), broken.turns());
        assertEquals(0.0, run.summary().passRate());
        assertEquals(1, run.summary().failedCount());
        // the drafts replaced the tenant's prompt and knowledge; the persona heard of the industry asked for
        String agentBody = ProviderFakes.wireMock()
                .findAll(WireMock.postRequestedFor(
                        WireMock.urlPathEqualTo("/v1beta/models/gemini-3.5-flash-lite:streamGenerateContent")))
                .get(0)
                .getBodyAsString();
        assertTrue(
                agentBody.contains("You are a draft receptionist.")
                        && agentBody.contains("- Boilers are serviced on Mondays."),
                agentBody);
        String personaBody = ProviderFakes.wireMock()
                .findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/v1/chat/completions")))
                .get(0)
                .getBodyAsString();
        assertTrue(personaBody.contains("a heating business"), personaBody);
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("tenantId", TENANT, "numConversations", 0))
                .post("/internal/stress-tests")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("numConversations"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "tenantId",
                        TENANT,
                        "numConversations",
                        2,
                        "personas",
                        List.of(Map.of("name", "nobody-knows-me"))))
                .post("/internal/stress-tests")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("personas[0].name"));
        given().contentType(ContentType.JSON)
                .body(Map.of("tenantId", "t-never-published", "numConversations", 2))
                .post("/internal/stress-tests")
                .then()
                .statusCode(404)
                .body("errors[0].field", equalTo("tenantId"));
        given().get("/internal/stress-tests/no-such-run").then().statusCode(404);
    }

    @Test
    void aRunStoredByAnotherPipelinePodIsServedHere() {
        // As another pod of the deployment stores a run: this instance never started it.
        String id = UUID.randomUUID().toString();
        String run = """
                {"id": "%s", "tenantId": "t-elsewhere", "status": "running", "progress": {"completed": 1, "total": 4},
                 "summary": null, "conversations": [], "startedAt": "2026-12-01T10:00:00Z", "finishedAt": null}""".formatted(id);
        pool.preparedQuery("""
                        INSERT INTO pipeline.stress_runs (run_id, tenant_id, status, completed, run, started_at, updated_at)
                        VALUES ($1, 't-elsewhere', 'running', 1, $2, now(), now())""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id, new io.vertx.core.json.JsonObject(run)))
                .await()
                .atMost(java.time.Duration.ofSeconds(10));

        given().get("/internal/stress-tests/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("tenantId", equalTo("t-elsewhere"))
                .body("status", equalTo("running"))
                .body("progress.completed", equalTo(1))
                .body("progress.total", equalTo(4));
    }

    @Test
    void onlyAdminApisServiceAccountMayUseTheInternalApi() {
        Map<String, Object> run = Map.of("tenantId", TENANT, "numConversations", 1);
        RestAssured.given()
                .contentType(ContentType.JSON)
                .body(run)
                .post("/internal/stress-tests")
                .then()
                .statusCode(401);
        RestAssured.given().get("/internal/stress-tests/any").then().statusCode(401);
        RestAssured.given()
                .auth()
                .oauth2("not-a-token")
                .contentType(ContentType.JSON)
                .body(run)
                .post("/internal/stress-tests")
                .then()
                .statusCode(401);
        // forged: admin-api's claims under the signature of another token
        String[] operator = OidcWiremockTestResource.getAccessToken("someone", Set.of("admin"))
                .split("\\.");
        String[] service = OidcWiremockTestResource.getAccessToken("someone", Set.of(StressTestResource.CALLER_ROLE))
                .split("\\.");
        RestAssured.given()
                .auth()
                .oauth2(operator[0] + "." + service[1] + "." + operator[2])
                .get("/internal/stress-tests/any")
                .then()
                .statusCode(401);
        // signed by the provider, but for someone else: an operator, a tenant's customer, the pipeline itself
        for (String role : List.of("admin", "customer", "pipeline")) {
            RestAssured.given()
                    .auth()
                    .oauth2(OidcWiremockTestResource.getAccessToken("someone", Set.of(role)))
                    .contentType(ContentType.JSON)
                    .body(run)
                    .post("/internal/stress-tests")
                    .then()
                    .statusCode(403);
            RestAssured.given()
                    .auth()
                    .oauth2(OidcWiremockTestResource.getAccessToken("someone", Set.of(role)))
                    .get("/internal/stress-tests/any")
                    .then()
                    .statusCode(403);
        }
    }

    /**
     * Requests as admin-api makes them: with its service account's client-credentials token (signed once, as admin-api
     * reuses its token, so the progress polls below stay as quick as before).
     */
    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    private static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(AdminApiToken.VALUE);
    }

    private static final class AdminApiToken {
        static final String VALUE = OidcWiremockTestResource.getAccessToken(
                "service-account-spotfunnel-admin-api", Set.of(StressTestResource.CALLER_ROLE));
    }

    private static StressTestRun awaitCompleted(String location) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> read(location), run -> run.status().equals(StressTestRun.COMPLETED));
    }

    private static StressTestRun read(String location) throws Exception {
        String body = given().get(location).then().statusCode(200).extract().asString();
        return ContractJson.mapper().readValue(body, StressTestRun.class);
    }

    /** The persona with this brief says {@code line} when the conversation so far contains {@code heard}. */
    private static void persona(String brief, String heard, int priority, String line) {
        var mapping = ProviderFakes.openAi()
                .atPriority(priority)
                .withRequestBody(containing(CallerPersona.ROLE))
                .withRequestBody(containing(brief));
        if (heard != null) {
            mapping = mapping.withRequestBody(containing(heard));
        }
        ProviderFakes.wireMock().stubFor(mapping.willReturn(ProviderFakes.sse(Sse.openAi(line))));
    }

    private static void judge(String brief, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        ProviderFakes.wireMock()
                .stubFor(ProviderFakes.openAi()
                        .atPriority(1)
                        .withRequestBody(containing(Judge.ROLE))
                        .withRequestBody(containing(brief))
                        .willReturn(answer));
    }

    private static String json(Object value) {
        try {
            return ContractJson.mapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
