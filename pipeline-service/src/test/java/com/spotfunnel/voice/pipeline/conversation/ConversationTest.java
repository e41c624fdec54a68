package com.spotfunnel.voice.pipeline.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.spotfunnel.voice.pipeline.fakes.Checks.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.pipeline.fakes.Checks;
import com.spotfunnel.voice.pipeline.fakes.DeepgramFake;
import com.spotfunnel.voice.pipeline.fakes.FakesReset;
import com.spotfunnel.voice.pipeline.fakes.GatewayClient;
import com.spotfunnel.voice.pipeline.fakes.ProviderFakes;
import com.spotfunnel.voice.pipeline.fakes.Sse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class ConversationTest extends FakesReset {

    /** A TTS request that is still in flight when the caller hangs up. */
    private static final int SLOW_MS = 1000;

    @TestHTTPResource("/")
    URI root;

    @Test
    void aFullTurnGoesFromCallerAudioToTranscriptAgentAudioAndCosts() {
        String callId = "call-" + UUID.randomUUID();
        try (GatewayClient gateway = GatewayClient.connect(root, callId, "tenant-unknown")) {
            String greeting = gateway.awaitUtterances(1);
            assertEquals(ProviderFakes.AUDIO_BYTES_PER_REQUEST * 2, gateway.audioBytes(greeting));
            assertEquals(
                    "Hello, thanks for calling. How can I help you today?",
                    gateway.awaitTurn(Speaker.AGENT, 0).text());

            gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES);

            assertEquals(
                    "What are your opening hours?",
                    gateway.awaitTurn(Speaker.CALLER, 1).text());
            String answer = gateway.awaitUtterances(2);
            assertEquals(callId + "-2", answer);
            assertEquals(ProviderFakes.AUDIO_BYTES_PER_REQUEST * 2, gateway.audioBytes(answer)); // 2 sentences
            TranscriptTurn agent = gateway.awaitTurn(Speaker.AGENT, 2);
            assertEquals("We are open nine to five. Anything else?", agent.text());
            assertFalse(agent.interrupted());

            // what went to the providers, in their wire formats
            String query = ProviderFakes.deepgram().lastQuery();
            assertTrue(
                    query.contains("encoding=mulaw")
                            && query.contains("sample_rate=8000")
                            && query.contains("model=nova-3"),
                    query);
            JsonObject openAiBody = new JsonObject(ProviderFakes.wireMock()
                    .findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))
                    .get(0)
                    .getBodyAsString());
            assertTrue(openAiBody.getBoolean("stream"));
            assertTrue(openAiBody.getJsonObject("stream_options").getBoolean("include_usage"));
            assertEquals(
                    "system",
                    openAiBody.getJsonArray("messages").getJsonObject(0).getString("role"));
            assertTrue(openAiBody.encode().contains("What are your opening hours?"));
            assertEquals(
                    List.of(
                            "Hello, thanks for calling.",
                            "How can I help you today?",
                            "We are open nine to five.",
                            "Anything else?"),
                    Checks.spokenByCartesia());
            JsonObject cartesiaBody = new JsonObject(ProviderFakes.wireMock()
                    .findAll(postRequestedFor(urlPathEqualTo("/tts/bytes")))
                    .get(0)
                    .getBodyAsString());
            assertEquals(
                    "pcm_mulaw", cartesiaBody.getJsonObject("output_format").getString("encoding"));
            assertEquals(8000, cartesiaBody.getJsonObject("output_format").getInteger("sample_rate"));

            // costs, from the test price table
            Awaitility.await()
                    .atMost(GatewayClient.WAIT)
                    .until(() -> Checks.costs(gateway, 2, Stage.TTS).size() == 2
                            && Checks.costs(gateway, 2, Stage.LLM).size() == 2);
            CostRecorded stt = Checks.costs(gateway, 1, Stage.STT).get(0);
            assertEquals("deepgram", stt.provider());
            assertEquals("audio_seconds", stt.unit());
            assertAmount("0.5", stt.quantity());
            assertAmount("0.00005", stt.costUsd()); // 0.5 s × 0.0001
            CostRecorded prompt = Checks.cost(gateway, 2, Stage.LLM, "prompt_tokens");
            CostRecorded completion = Checks.cost(gateway, 2, Stage.LLM, "completion_tokens");
            assertEquals("gpt-6-luna", prompt.model());
            assertAmount(String.valueOf(Sse.OPENAI_PROMPT_TOKENS), prompt.quantity());
            assertAmount("0.00012", prompt.costUsd()); // 120 × 0.000001
            assertAmount(String.valueOf(Sse.OPENAI_COMPLETION_TOKENS), completion.quantity());
            assertAmount("0.000024", completion.costUsd()); // 12 × 0.000002
            List<CostRecorded> tts = Checks.costs(gateway, 2, Stage.TTS);
            assertTrue(tts.stream().allMatch(c -> c.provider().equals("cartesia")));
            // "We are open nine to five." (25) + "Anything else?" (14) characters × 0.00003
            assertAmount("39", tts.stream().map(CostRecorded::quantity).reduce(BigDecimal.ZERO, BigDecimal::add));
            assertAmount("0.00117", tts.stream().map(CostRecorded::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
            assertTrue(gateway.all(PipelineMessage.Failed.class).isEmpty());

            // each provider's time to first byte also goes to the gateway, for its per-call metrics
            List<PipelineMessage.StageLatency> latencies = gateway.all(PipelineMessage.StageLatency.class);
            assertTrue(
                    latencies.stream()
                            .anyMatch(
                                    l -> l.stage() == Stage.STT && l.provider().equals("deepgram")),
                    latencies.toString());
            assertTrue(latencies.stream()
                    .anyMatch(l -> l.stage() == Stage.LLM && l.provider().equals("openai")));
            assertTrue(latencies.stream()
                    .anyMatch(l -> l.stage() == Stage.TTS && l.provider().equals("cartesia")));
            assertTrue(latencies.stream().allMatch(l -> l.firstByteMs() >= 0));
        }
    }

    @Test
    void callerSpeakingOverTheAgentClearsItsAudioAndTheConversationGoesOn() {
        String callId = "call-" + UUID.randomUUID();
        try (GatewayClient gateway = GatewayClient.connect(root, callId, "tenant-unknown", false)) {
            gateway.awaitUtterances(1); // the greeting is out but the caller has not heard all of it (no Played)
            gateway.sendAudio(160);

            gateway.await(PipelineMessage.Clear.class, c -> true);
            assertTrue(gateway.awaitTurn(Speaker.AGENT, 0).interrupted());

            gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES - 160);
            assertEquals(
                    "What are your opening hours?",
                    gateway.awaitTurn(Speaker.CALLER, 1).text());
            gateway.awaitUtterances(2);
        }
    }

    @Test
    void bargeInCancelsTheAnswerInFlight() {
        ProviderFakes.stubOpenAi(ProviderFakes.sse(
                Sse.openAi("First sentence here. ", "Second sentence here. ", "Third sentence here.")));
        // the later sentences take a while to synthesize, so the answer is still in flight when the caller speaks
        for (String slow : new String[] {"Second sentence", "Third sentence"}) {
            ProviderFakes.wireMock()
                    .stubFor(ProviderFakes.cartesia()
                            .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(slow))
                            .atPriority(1)
                            .willReturn(ProviderFakes.audio().withFixedDelay(350)));
        }
        String callId = "call-" + UUID.randomUUID();
        try (GatewayClient gateway = GatewayClient.connect(root, callId, "tenant-unknown")) {
            gateway.awaitUtterances(1);
            gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES);
            gateway.await(PipelineMessage.AgentAudio.class, a -> a.utteranceId().equals(callId + "-2"));

            gateway.sendAudio(160); // the caller starts speaking again

            gateway.await(PipelineMessage.Clear.class, c -> true);
            TranscriptTurn cut = gateway.awaitTurn(Speaker.AGENT, 2);
            assertTrue(cut.interrupted());
            assertFalse(cut.text().contains("Third sentence"), cut.text());
            assertFalse(Checks.spokenByCartesia().contains("Third sentence here."), "TTS of a cancelled answer");
            List<PipelineMessage> all = gateway.received();
            int clearedAt = all.indexOf(gateway.all(PipelineMessage.Clear.class).get(0));
            sleep(1500);
            List<PipelineMessage> after =
                    gateway.received().subList(clearedAt, gateway.received().size());
            assertTrue(
                    after.stream()
                            .noneMatch(m -> m instanceof PipelineMessage.AgentAudio a
                                    && a.utteranceId().equals(callId + "-2")),
                    "audio of the cancelled answer after Clear");
        }
    }

    @Test
    void goodbyeEndsTheCallAfterTheFarewell() {
        ProviderFakes.deepgram().say("Great, thanks. Goodbye!");
        try (GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "tenant-unknown")) {
            gateway.awaitUtterances(1);
            gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES);
            gateway.await(PipelineMessage.Hangup.class, h -> true);
            assertEquals(
                    "Thanks for calling. Goodbye!",
                    gateway.awaitTurn(Speaker.AGENT, 2).text());
            assertTrue(gateway.all(PipelineMessage.Transfer.class).isEmpty());
            List<PipelineMessage> all = gateway.received();
            int hangupAt = all.indexOf(gateway.all(PipelineMessage.Hangup.class).get(0));
            PipelineMessage lastAudio = gateway.all(PipelineMessage.AgentAudio.class).stream()
                    .filter(PipelineMessage.AgentAudio::last)
                    .reduce((a, b) -> b)
                    .orElseThrow();
            assertTrue(hangupAt > all.indexOf(lastAudio), "Hangup comes after the farewell's audio");
        }
    }

    @Test
    void askingForAPersonTransfersTheCall() {
        ProviderFakes.deepgram().say("Can I speak to a real person please");
        try (GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "tenant-unknown")) {
            gateway.awaitUtterances(1);
            gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES);
            gateway.await(PipelineMessage.Transfer.class, t -> true);
            // no LLM turn for it (an earlier call's post-call analysis may still be talking to the fake)
            assertTrue(
                    ProviderFakes.wireMock().findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).stream()
                            .noneMatch(r -> r.getBodyAsString().contains("real person")));
            assertEquals(
                    "Of course. Let me connect you with someone now.",
                    gateway.awaitTurn(Speaker.AGENT, 2).text());
        }
    }

    @Test
    void dtmfZeroTransfers() {
        try (GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "tenant-unknown")) {
            gateway.awaitUtterances(1);
            gateway.send(new GatewayMessage.Dtmf("0"));
            gateway.await(PipelineMessage.Transfer.class, t -> true);
        }
    }

    @Test
    void callerHangupGetsTheTurnInFlightAndTheCostsThenTheSocketCloses() {
        // the announcement's second sentence takes a while to synthesize: it is still in flight at the hang-up
        ProviderFakes.wireMock()
                .stubFor(ProviderFakes.cartesia()
                        .withRequestBody(
                                com.github.tomakehurst.wiremock.client.WireMock.containing("Let me connect you"))
                        .atPriority(1)
                        .willReturn(ProviderFakes.audio().withFixedDelay(SLOW_MS)));
        String callId = "call-" + UUID.randomUUID();
        long hungUpAt = System.nanoTime();
        try (GatewayClient gateway = GatewayClient.connect(root, callId, "tenant-unknown")) {
            gateway.awaitUtterances(1); // the greeting, heard in full (Played)
            gateway.sendAudio(800); // caller audio not billed yet (no utterance): billed at the hang-up
            gateway.send(new GatewayMessage.Dtmf("0"));
            gateway.await(PipelineMessage.AgentAudio.class, a -> a.utteranceId().equals(callId + "-1"));
            sleep(200);
            assertFalse(gateway.isClosed());
            int before = gateway.received().size();

            gateway.send(new GatewayMessage.CallerHangup("caller_hangup"));
            hungUpAt = System.nanoTime();

            Awaitility.await().atMost(GatewayClient.WAIT).until(gateway::isClosed);
            List<PipelineMessage> last = gateway.received().subList(before, gateway.receivedWhenClosed());
            TranscriptTurn cut = last.stream()
                    .filter(m -> m instanceof PipelineMessage.Transcript)
                    .map(m -> ((PipelineMessage.Transcript) m).turn())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no final transcript before the close: " + last));
            assertEquals(Speaker.AGENT, cut.speaker());
            assertEquals(1, cut.turnIndex());
            assertEquals("Of course.", cut.text());
            assertTrue(cut.interrupted());
            CostRecorded stt = last.stream()
                    .filter(m -> m instanceof PipelineMessage.Cost c && c.cost().stage() == Stage.STT)
                    .map(m -> ((PipelineMessage.Cost) m).cost())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("remaining audio not billed before the close: " + last));
            assertAmount("0.1", stt.quantity()); // 800 bytes of 8 kHz μ-law
            sleep(300);
            assertEquals(gateway.received().size(), gateway.receivedWhenClosed(), "nothing after the close");
        }
        // The slow request of the cancelled sentence (sent before the hang-up) must be served here: WireMock
        // journals it again when it completes, which would leak into the next test.
        sleep(Math.max(0, SLOW_MS + 500 - (System.nanoTime() - hungUpAt) / 1_000_000));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
