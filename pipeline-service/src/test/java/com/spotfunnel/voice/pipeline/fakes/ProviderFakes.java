package com.spotfunnel.voice.pipeline.fakes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The AI providers for tests: WireMock for OpenAI, Gemini (SSE), Cartesia and ElevenLabs (binary μ-law), and a
 * Vert.x WebSocket server for Deepgram; the same WireMock also plays admin-api's knowledge search and the OIDC
 * token endpoint ({@link AdminApiFake}). Every provider URL and key points at them, and the guards get short
 * timings (timeout 1 s, one retry after 20 ms, breaker: 4 calls, 1 s open).
 */
public class ProviderFakes implements QuarkusTestResourceLifecycleManager {

    public static final String OPENAI_KEY = "test-openai-key";
    public static final String GEMINI_KEY = "test-gemini-key";
    public static final String CARTESIA_KEY = "test-cartesia-key";
    public static final String ELEVENLABS_KEY = "test-elevenlabs-key";
    public static final int AUDIO_BYTES_PER_REQUEST = 800;

    /** Init arg: how long an open breaker stays open (ms); default 1000. */
    public static final String BREAKER_DELAY_MS = "breaker-delay-ms";

    /**
     * The models each fake provider serves, as the real ones do today (checked 2026-12-04, docs/pipeline.md
     * "Provider catalog"). Any other model gets the provider's own "not found" answer, so a default that names a
     * retired model fails here the way it would on launch day. Deliberately written out, not read from the
     * catalog: the fakes play the providers, not our idea of them.
     */
    public static final String OPENAI_MODELS = "gpt-6-luna|gpt-4o-mini|gpt-5.4-mini|gpt-5.4-nano";

    public static final String GEMINI_MODELS = "gemini-3.5-flash-lite|gemini-3.5-flash|gemini-3.6-flash";
    public static final String CARTESIA_MODELS = "sonic-3|sonic-3.5|sonic-turbo";
    public static final String ELEVENLABS_MODELS = "eleven_flash_v2_5|eleven_multilingual_v2";

    /** Below every test's own stubs: what each provider answers for a model it does not serve. */
    private static final int UNSERVED_MODEL_PRIORITY = 100;

    private static WireMockServer wireMock;
    private static DeepgramFake deepgram;
    private String breakerDelayMs = "1000";

    public static WireMockServer wireMock() {
        return wireMock;
    }

    public static DeepgramFake deepgram() {
        return deepgram;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        breakerDelayMs = initArgs.getOrDefault(BREAKER_DELAY_MS, breakerDelayMs);
    }

    @Override
    public Map<String, String> start() {
        wireMock = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .containerThreads(20)
                .asynchronousResponseEnabled(true));
        wireMock.start();
        deepgram = new DeepgramFake();
        resetAll();
        String http = "http://localhost:" + wireMock.port();
        Map<String, String> config = new HashMap<>();
        config.put("pipeline.providers.deepgram.url", deepgram.url());
        config.put("pipeline.providers.deepgram.api-key", DeepgramFake.KEY);
        config.put("pipeline.providers.openai.url", http);
        config.put("pipeline.providers.openai.api-key", OPENAI_KEY);
        config.put("pipeline.providers.gemini.url", http);
        config.put("pipeline.providers.gemini.api-key", GEMINI_KEY);
        config.put("pipeline.providers.cartesia.url", http);
        config.put("pipeline.providers.cartesia.api-key", CARTESIA_KEY);
        config.put("pipeline.providers.elevenlabs.url", http);
        config.put("pipeline.providers.elevenlabs.api-key", ELEVENLABS_KEY);
        config.put("pipeline.default-providers.stt", "deepgram");
        config.put("pipeline.default-providers.llm", "openai,gemini");
        config.put("pipeline.default-providers.tts", "cartesia,elevenlabs");
        config.putAll(AdminApiFake.config(http));
        // Failover on silence, shorter than the guards' 1 s first-item timeout so a drill can stall mid-stream.
        config.put("pipeline.providers.stall.llm", "300ms");
        // Simulated usage priced as the real providers, as the local stack does (SimulatedCallTest).
        config.put("pipeline.providers.simulated.stt.priced-as", "deepgram");
        config.put("pipeline.providers.simulated.llm.priced-as", "openai");
        config.put("pipeline.providers.simulated.tts.priced-as", "cartesia");
        // The test price table: round numbers so expected costs are easy to read.
        config.put("pipeline.prices.stt-per-second.deepgram", "0.0001");
        config.put("pipeline.prices.llm.\"gpt-6-luna\".prompt-token", "0.000001");
        config.put("pipeline.prices.llm.\"gpt-6-luna\".completion-token", "0.000002");
        config.put("pipeline.prices.llm.\"gemini-3.5-flash-lite\".prompt-token", "0.0000005");
        config.put("pipeline.prices.llm.\"gemini-3.5-flash-lite\".completion-token", "0.0000015");
        config.put("pipeline.prices.tts-per-character.cartesia", "0.00003");
        config.put("pipeline.prices.tts-per-character.elevenlabs", "0.00005");
        for (String guarded : new String[] {
            "llm.OpenAiLlm/stream",
            "llm.GeminiLlm/stream",
            "tts.CartesiaTts/synthesize",
            "tts.ElevenLabsTts/synthesize",
            "stt.DeepgramStt/open"
        }) {
            String key = "quarkus.fault-tolerance.\"com.spotfunnel.voice.pipeline." + guarded + "\".";
            config.put(key + "timeout.value", "1000");
            config.put(key + "retry.delay", "20");
            config.put(key + "circuit-breaker.delay", breakerDelayMs);
            config.put(key + "circuit-breaker.request-volume-threshold", "4");
        }
        return config;
    }

    @Override
    public void stop() {
        if (wireMock != null) {
            wireMock.stop();
        }
        if (deepgram != null) {
            deepgram.stop();
        }
    }

    /** Every provider healthy: OpenAI answers, Gemini answers, both TTS speak. */
    public static void resetAll() {
        wireMock.resetAll();
        deepgram.reset();
        stubUnservedModels();
        stubOpenAi(sse(Sse.openAi("We are open nine to five. ", "Anything else?")));
        stubGemini(sse(Sse.gemini("Gemini here. ", "We open at nine.")));
        stubCartesia(audio());
        stubElevenLabs(audio());
        AdminApiFake.reset(wireMock);
    }

    public static void stubOpenAi(ResponseDefinitionBuilder response) {
        wireMock.stubFor(openAi().willReturn(response));
    }

    public static MappingBuilder openAi() {
        return post(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .withRequestBody(matchingJsonPath("$.model", matching(OPENAI_MODELS)));
    }

    /** Each provider's real answer for a model it does not serve (OpenAI 404 model_not_found, Gemini 404, ...). */
    private static void stubUnservedModels() {
        // Current OpenAI models reject the deprecated max_tokens (reasoning models always did).
        wireMock.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.max_tokens"))
                .willReturn(json(
                        400,
                        "{\"error\":{\"message\":\"Unsupported parameter: 'max_tokens' is not supported with this"
                                + " model. Use 'max_completion_tokens' instead.\",\"type\":\"invalid_request_error\","
                                + "\"param\":\"max_tokens\",\"code\":\"unsupported_parameter\"}}")));
        wireMock.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .atPriority(UNSERVED_MODEL_PRIORITY)
                .willReturn(json(
                        404,
                        "{\"error\":{\"message\":\"The model does not exist or you do not have access to it.\","
                                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}}")));
        wireMock.stubFor(post(urlPathMatching("/v1beta/models/[^/]+"))
                .atPriority(UNSERVED_MODEL_PRIORITY)
                .willReturn(json(
                        404,
                        "{\"error\":{\"code\":404,\"message\":\"models/... is not found for API version v1beta,"
                                + " or is not supported for generateContent.\",\"status\":\"NOT_FOUND\"}}")));
        wireMock.stubFor(post(urlPathEqualTo("/tts/bytes"))
                .atPriority(UNSERVED_MODEL_PRIORITY)
                .willReturn(json(400, "{\"error\":\"invalid model_id\"}")));
        wireMock.stubFor(post(urlPathMatching("/v1/text-to-speech/[^/]+/stream"))
                .atPriority(UNSERVED_MODEL_PRIORITY)
                .willReturn(
                        json(400, "{\"detail\":{\"status\":\"model_not_found\",\"message\":\"model not found\"}}")));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    public static void stubGemini(ResponseDefinitionBuilder response) {
        wireMock.stubFor(gemini().willReturn(response));
    }

    public static MappingBuilder gemini() {
        return post(urlPathMatching("/v1beta/models/(" + GEMINI_MODELS + "):streamGenerateContent"))
                .withQueryParam("alt", equalTo("sse"))
                .withHeader("x-goog-api-key", equalTo(GEMINI_KEY));
    }

    public static void stubCartesia(ResponseDefinitionBuilder response) {
        wireMock.stubFor(cartesia().willReturn(response));
    }

    public static MappingBuilder cartesia() {
        return post(urlPathEqualTo("/tts/bytes"))
                .withHeader("Authorization", equalTo("Bearer " + CARTESIA_KEY))
                .withHeader("Cartesia-Version", equalTo("2025-04-16"))
                .withRequestBody(matchingJsonPath("$.model_id", matching(CARTESIA_MODELS)));
    }

    public static void stubElevenLabs(ResponseDefinitionBuilder response) {
        wireMock.stubFor(post(urlPathMatching("/v1/text-to-speech/[^/]+/stream"))
                .withQueryParam("output_format", equalTo("ulaw_8000"))
                .withHeader("xi-api-key", equalTo(ELEVENLABS_KEY))
                .withRequestBody(matchingJsonPath("$.model_id", matching(ELEVENLABS_MODELS)))
                .willReturn(response));
    }

    public static ResponseDefinitionBuilder sse(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(body);
    }

    /**
     * An SSE body sent the way a real network may deliver it: in reads of {@code bytesPerRead} bytes (chunked,
     * a few milliseconds apart), so boundaries fall inside multi-byte UTF-8 characters.
     */
    public static ResponseDefinitionBuilder dribbled(String body, int bytesPerRead) {
        int chunks = Math.max(1, body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / bytesPerRead);
        return sse(body).withChunkedDribbleDelay(chunks, chunks * 2);
    }

    public static ResponseDefinitionBuilder audio() {
        byte[] audio = new byte[AUDIO_BYTES_PER_REQUEST];
        java.util.Arrays.fill(audio, (byte) 0x7E);
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/octet-stream")
                .withBody(audio);
    }

    public static ResponseDefinitionBuilder status(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"fake failure\",\"type\":\"server_error\"}}");
    }
}
