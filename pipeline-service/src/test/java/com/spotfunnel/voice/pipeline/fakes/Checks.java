package com.spotfunnel.voice.pipeline.fakes;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.Stage;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;

/** Small assertions shared by the call tests. */
public final class Checks {

    private Checks() {}

    public static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    public static List<CostRecorded> costs(GatewayClient gateway, int turn, Stage stage) {
        return gateway.all(PipelineMessage.Cost.class).stream()
                .map(PipelineMessage.Cost::cost)
                .filter(c -> c.turnIndex() == turn && c.stage() == stage)
                .toList();
    }

    public static CostRecorded cost(GatewayClient gateway, int turn, Stage stage, String unit) {
        return costs(gateway, turn, stage).stream()
                .filter(c -> c.unit().equals(unit))
                .findFirst()
                .orElseThrow();
    }

    /** The sentences Cartesia was asked to speak, in order (a retried request counted once). */
    public static List<String> spokenByCartesia() {
        return ProviderFakes.wireMock().findAll(postRequestedFor(urlPathEqualTo("/tts/bytes"))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(body -> new JsonObject(body).getString("transcript"))
                .distinct()
                .toList();
    }

    /** The texts ElevenLabs was asked to speak, in order (a retried request counted once). */
    public static List<String> spokenByElevenLabs() {
        return ProviderFakes.wireMock()
                .findAll(postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                        "/v1/text-to-speech/.*/stream")))
                .stream()
                .map(LoggedRequest::getBodyAsString)
                .map(body -> new JsonObject(body).getString("text"))
                .distinct()
                .toList();
    }

    public static int requests(String path) {
        return ProviderFakes.wireMock()
                .findAll(postRequestedFor(urlPathEqualTo(path)))
                .size();
    }

    /** The system prompt OpenAI was given for the caller's first answer (the post-call analysis may follow it). */
    public static String firstAnswerSystemPrompt() {
        List<LoggedRequest> requests =
                ProviderFakes.wireMock().findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        JsonObject system = new JsonObject(requests.get(0).getBodyAsString())
                .getJsonArray("messages")
                .getJsonObject(0);
        assertEquals("system", system.getString("role"));
        return system.getString("content");
    }
}
