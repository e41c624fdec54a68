package com.spotfunnel.voice.pipeline.analysis;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.DecodedCallEvent;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.payload.Priority;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.serde.CallEventDeserializer;
import com.spotfunnel.voice.events.tenant.AgentConfig;
import com.spotfunnel.voice.events.tenant.ProviderOrder;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantRegistry;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.pipeline.fakes.DeepgramFake;
import com.spotfunnel.voice.pipeline.fakes.FakesReset;
import com.spotfunnel.voice.pipeline.fakes.GatewayClient;
import com.spotfunnel.voice.pipeline.fakes.ProviderFakes;
import com.spotfunnel.voice.pipeline.fakes.Sse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Post-call analysis reaches the real broker, whether the LLM analysed the call or failed to. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class CallAnalyzedTest extends FakesReset {

    private static final String ANALYSIS_PROMPT = "You analyse a finished phone call";

    @TestHTTPResource("/")
    URI root;

    @Inject
    TenantRegistry tenants;

    @Test
    void theLlmsAnalysisIsPublishedAsCallAnalyzed() {
        String json = new JsonObject()
                .put("summary", "Ann asked about opening hours.")
                .put("reasonForCalling", "opening hours")
                .put("outcome", "question_answered")
                .put("capturedData", new JsonObject().put("name", "Ann"))
                .put("requiresAction", false)
                .put("priority", "low")
                .encode();
        ProviderFakes.wireMock()
                .stubFor(ProviderFakes.openAi()
                        .withRequestBody(containing(ANALYSIS_PROMPT))
                        .atPriority(1)
                        .willReturn(ProviderFakes.sse(Sse.openAi(json.substring(0, 30), json.substring(30)))));
        String callId = "call-" + UUID.randomUUID();
        talkAndHangUp(callId);

        CallEvent event = awaitAnalysis(callId);
        CallAnalyzed analyzed = (CallAnalyzed) event.payload();
        assertEquals("tenant-analysis", event.tenantId());
        assertEquals(1_000_000L, event.seq());
        assertEquals("Ann asked about opening hours.", analyzed.summary());
        assertEquals("question_answered", analyzed.outcome());
        assertEquals("Ann", analyzed.capturedData().get("name"));
        assertFalse(analyzed.requiresAction());
        assertEquals(Priority.LOW, analyzed.priority());
    }

    @Test
    void theCallersNextCallKnowsWhatTheirLastCallWasAbout() {
        String json = new JsonObject()
                .put("summary", "Bo booked a boiler service for Friday.")
                .put("reasonForCalling", "boiler service")
                .put("outcome", "appointment_booked")
                .put("capturedData", new JsonObject())
                .put("requiresAction", false)
                .put("priority", "low")
                .encode();
        ProviderFakes.wireMock()
                .stubFor(ProviderFakes.openAi()
                        .withRequestBody(containing(ANALYSIS_PROMPT))
                        .atPriority(1)
                        .willReturn(ProviderFakes.sse(Sse.openAi(json))));
        String firstCall = "call-" + UUID.randomUUID();
        talkAndHangUp(firstCall);
        awaitAnalysis(firstCall);

        talkAndHangUp("call-" + UUID.randomUUID());

        ProviderFakes.wireMock()
                .verify(postRequestedFor(urlPathMatching(".*/chat/completions"))
                        .withRequestBody(notContaining(ANALYSIS_PROMPT))
                        .withRequestBody(
                                containing("Bo booked a boiler service for Friday. Outcome: appointment booked.")));
    }

    @Test
    void whenEveryLlmFailsTheBasicAnalysisIsStillPublished() {
        ProviderFakes.wireMock()
                .stubFor(ProviderFakes.openAi()
                        .withRequestBody(containing(ANALYSIS_PROMPT))
                        .atPriority(1)
                        .willReturn(ProviderFakes.status(500)));
        ProviderFakes.wireMock()
                .stubFor(ProviderFakes.gemini()
                        .withRequestBody(containing(ANALYSIS_PROMPT))
                        .atPriority(1)
                        .willReturn(ProviderFakes.status(500)));
        String callId = "call-" + UUID.randomUUID();
        talkAndHangUp(callId);

        CallAnalyzed analyzed = (CallAnalyzed) awaitAnalysis(callId).payload();
        assertEquals("no_resolution", analyzed.outcome());
        assertTrue(analyzed.requiresAction());
        assertTrue(analyzed.summary().contains("unavailable"), analyzed.summary());
    }

    @Test
    void theSimulatedLlmAnalysesASimulatedCall() {
        List<String> simulated = List.of("simulated");
        tenants.apply(new TenantConfig(
                "t-sim-analysis",
                1,
                "Sim Dental",
                "dental",
                true,
                List.of("+15550009998"),
                new AgentConfig(
                        "You are Sim Dental's receptionist.",
                        "Welcome to Sim Dental.",
                        null,
                        new ProviderOrder(simulated, simulated, simulated),
                        null,
                        Map.of(),
                        null),
                Instant.now()));
        String callId = "call-" + UUID.randomUUID();
        try (GatewayClient gateway = GatewayClient.connect(root, callId, "t-sim-analysis")) {
            gateway.awaitUtterances(1);
            gateway.sendAudio(8000); // one second of speech, then enough silence to end the utterance
            gateway.sendSilence(700 * 8);
            gateway.awaitTurn(Speaker.AGENT, 2);
            gateway.send(new GatewayMessage.CallerHangup("caller hung up"));
        }

        CallAnalyzed analyzed = (CallAnalyzed) awaitAnalysis(callId).payload();
        assertEquals(
                "The caller said: \"Hi there what are your opening hours?\". The call ended as question "
                        + "answered after 1 caller turn.",
                analyzed.summary());
        assertEquals("opening_hours", analyzed.reasonForCalling());
        assertEquals("question_answered", analyzed.outcome());
        assertEquals(Map.of(), analyzed.capturedData());
        assertFalse(analyzed.requiresAction());
        assertEquals(Priority.LOW, analyzed.priority());
    }

    private void talkAndHangUp(String callId) {
        try (GatewayClient gateway = GatewayClient.connect(root, callId, "tenant-analysis")) {
            gateway.awaitUtterances(1);
            gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES);
            gateway.awaitTurn(Speaker.AGENT, 2);
            gateway.send(new GatewayMessage.CallerHangup("caller hung up"));
        }
    }

    private static CallEvent awaitAnalysis(String callId) {
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, DecodedCallEvent> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new CallEventDeserializer())) {
            consumer.subscribe(List.of(Topics.CALL_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, DecodedCallEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (callId.equals(record.key())
                            && record.value() instanceof DecodedCallEvent.Known known
                            && known.event().payload() instanceof CallAnalyzed) {
                        return known.event();
                    }
                }
            }
        }
        throw new AssertionError("no CallAnalyzed for " + callId + " on " + Topics.CALL_EVENTS);
    }
}
