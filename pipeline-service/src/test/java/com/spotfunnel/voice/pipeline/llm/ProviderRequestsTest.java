package com.spotfunnel.voice.pipeline.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.spotfunnel.voice.pipeline.fakes.Checks.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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

/**
 * What the LLM providers are asked, against fakes as strict as the real services today: current models only,
 * OpenAI refuses the deprecated {@code max_tokens}, Gemini thinks unless told not to and bills its thoughts.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class ProviderRequestsTest extends FakesReset {

    @TestHTTPResource("/")
    URI root;

    @Test
    void openAiIsAskedForACurrentModelWithMaxCompletionTokens() {
        try (GatewayClient gateway = askOneQuestion()) {
            assertEquals(
                    "We are open nine to five. Anything else?",
                    gateway.awaitTurn(Speaker.AGENT, 2).text());
            List<LoggedRequest> requests =
                    ProviderFakes.wireMock().findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
            JsonObject body = new JsonObject(requests.get(0).getBodyAsString());
            assertEquals("gpt-6-luna", body.getString("model"));
            assertEquals(300, body.getInteger("max_completion_tokens"));
            assertFalse(body.containsKey("max_tokens"));
            assertFalse(body.containsKey("reasoning_effort")); // only when configured
        }
    }

    @Test
    void geminiIsToldNotToThinkAndAnyThoughtsArePricedAsOutput() {
        ProviderFakes.stubOpenAi(ProviderFakes.status(503));
        // A Gemini that reports thoughts even so (a budget is a cap, not a promise): they are billed as output.
        ProviderFakes.wireMock()
                .stubFor(ProviderFakes.gemini()
                        .withRequestBody(equalToJson(
                                "{\"generationConfig\":{\"thinkingConfig\":{\"thinkingBudget\":0}}}", true, true))
                        .willReturn(ProviderFakes.sse(Sse.geminiThinking(40, "Gemini here. ", "We open at nine."))));
        try (GatewayClient gateway = askOneQuestion()) {
            assertEquals(
                    "Gemini here. We open at nine.",
                    gateway.awaitTurn(Speaker.AGENT, 2).text());
            JsonObject asked = new JsonObject(ProviderFakes.wireMock()
                    .findAll(postRequestedFor(
                            urlPathEqualTo("/v1beta/models/gemini-3.5-flash-lite:streamGenerateContent")))
                    .get(0)
                    .getBodyAsString());
            assertEquals(300, asked.getJsonObject("generationConfig").getInteger("maxOutputTokens"));
            Awaitility.await()
                    .atMost(GatewayClient.WAIT)
                    .until(() -> Checks.costs(gateway, 2, Stage.LLM).size() == 2);
            var completion = Checks.cost(gateway, 2, Stage.LLM, "completion_tokens");
            assertEquals("gemini-3.5-flash-lite", completion.model());
            assertAmount("48", completion.quantity()); // 8 answer + 40 thinking tokens
            assertAmount("0.000072", completion.costUsd()); // 48 × 0.0000015
        }
    }

    private GatewayClient askOneQuestion() {
        GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "tenant-unknown");
        gateway.awaitUtterances(1);
        gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES);
        return gateway;
    }
}
