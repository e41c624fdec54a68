package com.spotfunnel.voice.pipeline.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PrometheusMetrics;
import com.spotfunnel.voice.pipeline.fakes.AdminApiFake;
import com.spotfunnel.voice.pipeline.fakes.Checks;
import com.spotfunnel.voice.pipeline.fakes.DeepgramFake;
import com.spotfunnel.voice.pipeline.fakes.FakesReset;
import com.spotfunnel.voice.pipeline.fakes.GatewayClient;
import com.spotfunnel.voice.pipeline.fakes.ProviderFakes;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The agent answers with the tenant's knowledge from admin-api's search; when admin-api fails or is slow the
 * caller is answered anyway, without knowledge, and the metric says why.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class KnowledgeRetrievalTest extends FakesReset {

    private static final String FACT = "Our opening hours are Monday to Friday, 8 am to 5 pm.";
    private static final String ANSWER = "We are open nine to five. Anything else?";

    @TestHTTPResource("/")
    URI root;

    @Test
    void theLlmIsGivenTheKnowledgeAdminApiFound() {
        String tenant = "t-kb-" + UUID.randomUUID();
        AdminApiFake.passages(tenant, List.of(FACT, "Parking is free behind the building."));

        assertEquals(ANSWER, answerOneQuestion(tenant));

        String system = systemPrompt();
        assertTrue(system.contains("- " + FACT), system);
        assertTrue(system.contains("- Parking is free behind the building."), system);
        List<LoggedRequest> searches = AdminApiFake.searches(tenant);
        assertEquals(1, searches.size());
        // the caller's words, any of which may match (admin-api's websearch syntax)
        assertEquals(
                "what or are or your or opening or hours",
                searches.get(0).queryParameter("q").firstValue());
        assertEquals("3", searches.get(0).queryParameter("limit").firstValue());
        assertTrue(AdminApiFake.tokenRequests() <= 1, "the client-credentials token is reused");
    }

    @Test
    void adminApiFailingTheCallerIsAnsweredWithoutKnowledgeAndTheMetricCounts() {
        String tenant = "t-kb-" + UUID.randomUUID();
        AdminApiFake.answer(tenant, AdminApiFake.status(503));
        double before = unavailable("http_5xx");

        assertEquals(ANSWER, answerOneQuestion(tenant));

        assertFalse(systemPrompt().contains("Facts you may use"));
        assertEquals(
                1,
                AdminApiFake.searches(tenant).size(),
                () -> AdminApiFake.searches(tenant).toString());
        assertEquals(before + 1, unavailable("http_5xx"));
    }

    @Test
    void adminApiTooSlowTheCallerIsAnsweredWithoutKnowledgeAndTheMetricCounts() {
        String tenant = "t-kb-" + UUID.randomUUID();
        AdminApiFake.answer(tenant, AdminApiFake.status(200).withBody("[]").withFixedDelay(4000));
        double before = unavailable("timeout");

        assertEquals(ANSWER, answerOneQuestion(tenant));

        assertFalse(systemPrompt().contains("Facts you may use"));
        assertEquals(before + 1, unavailable("timeout"));
    }

    /** One caller question on a fresh call; the agent's answer as the caller heard it. */
    private String answerOneQuestion(String tenant) {
        try (GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), tenant)) {
            gateway.awaitUtterances(1);
            gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES);
            assertEquals(
                    "What are your opening hours?",
                    gateway.awaitTurn(Speaker.CALLER, 1).text());
            String answer = gateway.awaitTurn(Speaker.AGENT, 2).text();
            assertTrue(gateway.all(PipelineMessage.Failed.class).isEmpty());
            return answer;
        }
    }

    private static String systemPrompt() {
        return Checks.firstAnswerSystemPrompt();
    }

    private static double unavailable(String reason) {
        return PrometheusMetrics.value("pipeline_knowledge_unavailable_total{reason=\"" + reason + "\"}");
    }
}
