package com.spotfunnel.voice.pipeline.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.spotfunnel.voice.pipeline.fakes.Checks.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.Stage;
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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** OpenAI failing in each way the caller could notice, and Gemini taking over (or not). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class LlmFailoverTest extends FakesReset {

    private static final String GEMINI_ANSWER = "Gemini here. We open at nine.";

    @TestHTTPResource("/")
    URI root;

    @Test
    void openAiAnswering5xxIsRetriedOnceThenGeminiAnswers() {
        ProviderFakes.stubOpenAi(ProviderFakes.status(503));
        try (GatewayClient gateway = askOneQuestion()) {
            assertEquals(GEMINI_ANSWER, gateway.awaitTurn(Speaker.AGENT, 2).text());
            ProviderFailed failed = gateway.await(PipelineMessage.ProviderFailure.class, f -> true)
                    .failure();
            assertEquals(Stage.LLM, failed.stage());
            assertEquals("openai", failed.provider());
            assertEquals("http_5xx", failed.errorType());
            assertEquals("gemini", failed.fallbackProvider());
            assertEquals(2, Checks.requests("/v1/chat/completions")); // the call and one retry
            assertTrue(gateway.all(PipelineMessage.Failed.class).isEmpty());
            Awaitility.await()
                    .atMost(GatewayClient.WAIT)
                    .until(() -> Checks.costs(gateway, 2, Stage.LLM).size() == 2);
            assertEquals(
                    "gemini-3.5-flash-lite",
                    Checks.cost(gateway, 2, Stage.LLM, "prompt_tokens").model());
            assertAmount(
                    "0.00005",
                    Checks.cost(gateway, 2, Stage.LLM, "prompt_tokens").costUsd()); // 100 × 0.0000005
            assertAmount(
                    "0.000012",
                    Checks.cost(gateway, 2, Stage.LLM, "completion_tokens").costUsd()); // 8 × 0.0000015
        }
    }

    @Test
    void openAiTimingOutBeforeItsFirstTokenHandsTheTurnToGemini() {
        ProviderFakes.stubOpenAi(ProviderFakes.sse(Sse.openAi("Too late.")).withFixedDelay(3000));
        try (GatewayClient gateway = askOneQuestion()) {
            assertEquals(GEMINI_ANSWER, gateway.awaitTurn(Speaker.AGENT, 2).text());
            ProviderFailed failed = gateway.await(PipelineMessage.ProviderFailure.class, f -> true)
                    .failure();
            assertEquals("timeout", failed.errorType());
            assertEquals("gemini", failed.fallbackProvider());
        }
    }

    @Test
    void openAiCuttingItsStreamMidAnswerIsFinishedByGeminiWithoutRepeatingAnything() {
        ProviderFakes.stubOpenAi(ProviderFakes.sse(Sse.openAiCut("Sure thing. ", "We open ", "at ")));
        ProviderFakes.stubGemini(ProviderFakes.sse(Sse.gemini("nine ", "tomorrow.")));
        try (GatewayClient gateway = askOneQuestion()) {
            assertEquals(
                    "Sure thing. We open at nine tomorrow.",
                    gateway.awaitTurn(Speaker.AGENT, 2).text());
            assertEquals(
                    "stream_cut",
                    gateway.await(PipelineMessage.ProviderFailure.class, f -> true)
                            .failure()
                            .errorType());
            List<String> spoken = Checks.spokenByCartesia();
            assertEquals(List.of("Sure thing.", "We open at nine tomorrow."), spoken.subList(2, spoken.size()));
            // Gemini was told what had been said and to continue from there
            String geminiBody = ProviderFakes.wireMock()
                    .findAll(postRequestedFor(
                            urlPathEqualTo("/v1beta/models/gemini-3.5-flash-lite:streamGenerateContent")))
                    .get(0)
                    .getBodyAsString();
            JsonObject body = new JsonObject(geminiBody);
            var contents = body.getJsonArray("contents");
            JsonObject partial = contents.getJsonObject(contents.size() - 2);
            assertEquals("model", partial.getString("role"));
            assertEquals(
                    "Sure thing. We open at ",
                    partial.getJsonArray("parts").getJsonObject(0).getString("text"));
            assertTrue(contents.getJsonObject(contents.size() - 1).encode().contains("without repeating"));
            // the words OpenAI produced before it died are still paid for (estimated: no usage arrived)
            Awaitility.await()
                    .atMost(GatewayClient.WAIT)
                    .until(() -> Checks.costs(gateway, 2, Stage.LLM).stream()
                            .anyMatch(c -> c.provider().equals("openai")));
        }
    }

    @Test
    void aContinuationThatStartsTheAnswerOverIsNotSpokenTwice() {
        ProviderFakes.stubOpenAi(ProviderFakes.sse(Sse.openAiCut("Sure thing. ", "We open ", "at ")));
        ProviderFakes.stubGemini(ProviderFakes.sse(Sse.gemini("Sure thing. We ", "open at nine tomorrow.")));
        try (GatewayClient gateway = askOneQuestion()) {
            assertEquals(
                    "Sure thing. We open at nine tomorrow.",
                    gateway.awaitTurn(Speaker.AGENT, 2).text());
            List<String> spoken = Checks.spokenByCartesia();
            assertEquals(List.of("Sure thing.", "We open at nine tomorrow."), spoken.subList(2, spoken.size()));
        }
    }

    @Test
    void bothLlmsFailingFailsTheCallWithLlm() {
        ProviderFakes.stubOpenAi(ProviderFakes.status(500));
        ProviderFakes.stubGemini(ProviderFakes.status(503));
        try (GatewayClient gateway = askOneQuestion()) {
            PipelineMessage.Failed failed = gateway.awaitFailed();
            assertEquals(FailureKind.LLM, failed.kind());
            List<ProviderFailed> failures = gateway.all(PipelineMessage.ProviderFailure.class).stream()
                    .map(PipelineMessage.ProviderFailure::failure)
                    .toList();
            assertEquals(
                    List.of("openai", "gemini"),
                    failures.stream().map(ProviderFailed::provider).toList());
            assertEquals("gemini", failures.get(0).fallbackProvider());
            assertNull(failures.get(1).fallbackProvider());
            // the caller's turn and its costs so far are kept
            assertEquals(1, Checks.costs(gateway, 1, Stage.STT).size());
        }
    }

    private GatewayClient askOneQuestion() {
        GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "tenant-unknown");
        gateway.awaitUtterances(1);
        gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES);
        return gateway;
    }
}
