package com.spotfunnel.voice.pipeline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.events.tenant.AgentConfig;
import com.spotfunnel.voice.events.tenant.ProviderOrder;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantRegistry;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.pipeline.cost.PriceTable;
import com.spotfunnel.voice.pipeline.fakes.AdminApiFake;
import com.spotfunnel.voice.pipeline.fakes.Checks;
import com.spotfunnel.voice.pipeline.fakes.FakesReset;
import com.spotfunnel.voice.pipeline.fakes.GatewayClient;
import com.spotfunnel.voice.pipeline.fakes.ProviderFakes;
import com.spotfunnel.voice.pipeline.llm.OpenAiLlm;
import com.spotfunnel.voice.pipeline.stt.DeepgramStt;
import com.spotfunnel.voice.pipeline.tts.CartesiaTts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A tenant configured with the simulated providers: energy STT, deterministic LLM (answering from the knowledge
 * admin-api found), length-true TTS.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class SimulatedCallTest extends FakesReset {

    @TestHTTPResource("/")
    URI root;

    @Inject
    TenantRegistry tenants;

    @Inject
    PriceTable prices;

    @Inject
    DeepgramStt deepgram;

    @Inject
    OpenAiLlm openAi;

    @Inject
    CartesiaTts cartesia;

    @Test
    void aSimulatedCallUsesTheTenantsPromptKnowledgeAndNoRealProvider() {
        List<String> simulated = List.of("simulated");
        tenants.apply(new TenantConfig(
                "t-sim",
                1,
                "Sim Dental",
                "dental",
                true,
                List.of("+15550009999"),
                new AgentConfig(
                        "You are Sim Dental's receptionist.",
                        "Welcome to Sim Dental.",
                        null,
                        new ProviderOrder(simulated, simulated, simulated),
                        "+15550001234",
                        Map.of(),
                        null),
                Instant.now()));
        AdminApiFake.passages("t-sim", List.of("We open at 9 am and close at 5 pm on weekdays.", "Parking is free."));
        String callId = "call-" + UUID.randomUUID();
        try (GatewayClient gateway = GatewayClient.connect(root, callId, "t-sim")) {
            String greeting = gateway.awaitUtterances(1);
            assertEquals("Welcome to Sim Dental.".length() * 480, gateway.audioBytes(greeting));

            gateway.sendAudio(8000); // one second of speech
            gateway.sendSilence(560 * 8); // not yet 600 ms of silence: no utterance
            sleep(300);
            assertTrue(gateway.all(PipelineMessage.Transcript.class).stream()
                    .noneMatch(t -> t.turn().speaker() == Speaker.CALLER));
            gateway.sendSilence(80 * 8);

            assertEquals(
                    "Hi there what are your opening hours?",
                    gateway.awaitTurn(Speaker.CALLER, 1).text());
            String answer = gateway.awaitUtterances(2);
            TranscriptTurn agent = gateway.awaitTurn(Speaker.AGENT, 2);
            assertEquals(
                    "You asked: Hi there what are your opening hours? We open at 9 am and close at 5 pm on "
                            + "weekdays. Is there anything else I can help you with?",
                    agent.text());
            int characters = SentenceSplitter.all(agent.text()).stream()
                    .mapToInt(String::length)
                    .sum();
            assertEquals(characters * 480, gateway.audioBytes(answer));

            // priced as the real providers would charge (pipeline.providers.simulated.*.priced-as), not $0.00
            List<CostRecorded> costs = gateway.all(PipelineMessage.Cost.class).stream()
                    .map(PipelineMessage.Cost::cost)
                    .toList();
            assertEquals(
                    Set.of(Stage.STT, Stage.LLM, Stage.TTS),
                    costs.stream().map(CostRecorded::stage).collect(Collectors.toSet()));
            Map<Stage, String> pricedAs =
                    Map.of(Stage.STT, deepgram.model(), Stage.LLM, openAi.model(), Stage.TTS, cartesia.model());
            Map<Stage, String> realProvider = Map.of(Stage.STT, "deepgram", Stage.LLM, "openai", Stage.TTS, "cartesia");
            for (CostRecorded cost : costs) {
                assertEquals("simulated", cost.provider());
                assertTrue(cost.costUsd().signum() > 0, cost.toString());
                BigDecimal real = prices.price(
                                cost.turnIndex(),
                                cost.stage(),
                                realProvider.get(cost.stage()),
                                pricedAs.get(cost.stage()),
                                cost.quantity().doubleValue(),
                                cost.unit())
                        .costUsd();
                assertEquals(real, cost.costUsd(), cost.toString());
            }
        }
        assertEquals(0, ProviderFakes.deepgram().connections());
        assertTrue(Checks.spokenByCartesia().isEmpty());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
