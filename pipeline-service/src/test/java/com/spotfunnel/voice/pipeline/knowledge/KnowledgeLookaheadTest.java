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
 * The knowledge search starts on Deepgram's interim result, while the caller is still speaking, so admin-api's
 * round trip is no longer between the caller's last word and the agent's answer; the answer still rests only on
 * the caller's final words.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class KnowledgeLookaheadTest extends FakesReset {

    private static final String HOURS = "Our opening hours are Monday to Friday, 8 am to 5 pm.";
    private static final String PARKING = "Parking is free behind the building.";
    private static final String HOURS_QUERY = "what or are or your or opening or hours";

    @TestHTTPResource("/")
    URI root;

    @Test
    void theSearchIsUnderWayBeforeTheCallerHasFinishedSpeaking() throws InterruptedException {
        String tenant = "t-ahead-" + UUID.randomUUID();
        AdminApiFake.passages(tenant, List.of(HOURS));
        double used = lookahead("used");

        try (GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), tenant)) {
            gateway.awaitUtterances(1);
            gateway.sendAudio(DeepgramFake.INTERIM_BYTES); // mid-sentence: Deepgram has an interim result
            awaitSearches(tenant, 1);
            assertTrue(
                    gateway.all(PipelineMessage.Transcript.class).stream()
                            .noneMatch(t -> t.turn().speaker() == Speaker.CALLER),
                    "the caller has not finished yet");

            gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES - DeepgramFake.INTERIM_BYTES);
            assertEquals(
                    "What are your opening hours?",
                    gateway.awaitTurn(Speaker.CALLER, 1).text());
            gateway.awaitTurn(Speaker.AGENT, 2);
        }

        assertTrue(systemPrompt().contains("- " + HOURS), systemPrompt());
        assertEquals(1, AdminApiFake.searches(tenant).size(), "the early search served the answer");
        assertEquals(used + 1, lookahead("used"));
    }

    @Test
    void wordsThatChangedBeforeTheEndAreSearchedAgainAndOnlyTheFinalWordsInformTheAnswer() {
        String tenant = "t-ahead-" + UUID.randomUUID();
        AdminApiFake.passages(tenant, "what or about or parking", List.of(PARKING));
        AdminApiFake.passages(tenant, HOURS_QUERY, List.of(HOURS));
        ProviderFakes.deepgram().hearFirst("What about parking");
        double unused = lookahead("unused");

        try (GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), tenant)) {
            gateway.awaitUtterances(1);
            gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES);
            assertEquals(
                    "What are your opening hours?",
                    gateway.awaitTurn(Speaker.CALLER, 1).text());
            gateway.awaitTurn(Speaker.AGENT, 2);
        }

        String system = systemPrompt();
        assertTrue(system.contains("- " + HOURS), system);
        assertFalse(system.contains(PARKING), system);
        List<String> queries = AdminApiFake.searches(tenant).stream()
                .map(request -> request.queryParameter("q").firstValue())
                .sorted()
                .toList();
        assertEquals(List.of("what or about or parking", HOURS_QUERY), queries); // sorted
        assertEquals(unused + 1, lookahead("unused"));
    }

    private static void awaitSearches(String tenant, int count) throws InterruptedException {
        long deadline = System.nanoTime() + GatewayClient.WAIT.toNanos();
        List<LoggedRequest> searches = AdminApiFake.searches(tenant);
        while (searches.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            searches = AdminApiFake.searches(tenant);
        }
        assertEquals(count, searches.size(), "searches made while the caller was speaking");
    }

    private static String systemPrompt() {
        return Checks.firstAnswerSystemPrompt();
    }

    private static double lookahead(String outcome) {
        return PrometheusMetrics.value("pipeline_knowledge_lookahead_total{outcome=\"" + outcome + "\"}");
    }
}
