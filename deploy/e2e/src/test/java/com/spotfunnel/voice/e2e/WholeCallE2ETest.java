package com.spotfunnel.voice.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStarted;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.FallbackPlayed;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantConfigCodec;
import com.spotfunnel.voice.infra.kafka.SharedKafkaBroker;
import com.spotfunnel.voice.simulator.CallEventsTail;
import com.spotfunnel.voice.simulator.CallPlan;
import com.spotfunnel.voice.simulator.CallResult;
import com.spotfunnel.voice.simulator.CallerTransport;
import com.spotfunnel.voice.simulator.SimulatedCall;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Whole calls through the real, packaged voice-gateway and pipeline-service on a real Kafka broker. The
 * simulator plays Twilio (signed webhook, Media Streams); WireMock plays OpenAI and Gemini (SSE, as they
 * stream) and Twilio's REST API. Speech recognition and synthesis are the pipeline's simulated providers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeCallE2ETest {

    static final String ACCOUNT_SID = "AC00000000000000000000000000000e2e";
    static final String AUTH_TOKEN = "e2e-auth-token-0123456789";
    static final String OPENAI_KEY = "e2e-openai-key";
    static final String GEMINI_KEY = "e2e-gemini-key";
    static final String OPENAI_ANSWER = "We are open from nine to five on weekdays.";
    static final String LLM_FALLBACK = "I apologize, but I'm experiencing technical difficulties right now. "
            + "Let me transfer you to someone who can help you immediately.";
    static final String CALLER = "+15005550100";
    static final String HAPPY_NUMBER = "+15005550201";
    static final String FAILING_NUMBER = "+15005550202";
    static final String HAPPY_TRANSFER = "+15005550301";
    static final String FAILING_TRANSFER = "+15005550302";
    static final String CALL_UPDATE = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls/[^/]+\\.json";

    static String kafka;
    static WireMockServer providers;
    static WireMockServer twilio;
    static ServiceProcess pipeline;
    static ServiceProcess gateway;
    static CallerTransport callers;

    @BeforeAll
    static void startStack() throws Exception {
        kafka = SharedKafkaBroker.bootstrapServers();
        providers = new WireMockServer(options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(20)
                .asynchronousResponseEnabled(true));
        providers.start();
        twilio = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        twilio.start();
        twilio.stubFor(post(urlPathMatching(CALL_UPDATE))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"CA00000000000000000000000000000000\",\"account_sid\":\"" + ACCOUNT_SID
                                + "\",\"status\":\"in-progress\"}")));

        List<TenantConfig> tenants = List.of(
                tenant("e2e-happy", HAPPY_NUMBER, HAPPY_TRANSFER),
                tenant("e2e-llm-down", FAILING_NUMBER, FAILING_TRANSFER));
        publish(tenants);
        Path logs = Path.of(System.getProperty("e2e.logs", "target/e2e-logs"));
        Files.createDirectories(logs);
        Path tenantsFile = logs.resolve("tenants.json");
        Files.write(tenantsFile, tenantsJson(tenants));

        String providerUrl = "http://127.0.0.1:" + providers.port();
        pipeline = ServiceProcess.start(
                "pipeline-service",
                "e2e.pipeline-service.jar",
                ServiceProcess.freePort(),
                pipelineEnv(providerUrl),
                llmGuards());

        int gatewayPort = ServiceProcess.freePort();
        gateway = ServiceProcess.start(
                "voice-gateway",
                "e2e.voice-gateway.jar",
                gatewayPort,
                gatewayEnv(gatewayPort, pipeline, tenantsFile),
                List.of());

        pipeline.awaitReady(Duration.ofSeconds(60));
        gateway.awaitReady(Duration.ofSeconds(60));
        callers = CallerTransport.open();
    }

    @AfterAll
    static void stopStack() {
        if (gateway != null) {
            gateway.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (providers != null) {
            providers.stop();
        }
        if (twilio != null) {
            twilio.stop();
        }
        if (callers != null) {
            callers.close();
        }
    }

    @Test
    @Order(1)
    void aCallerIsAnsweredByOpenAiAndTheCallIsRecordedOnTheBroker() throws Exception {
        providers.resetAll();
        providers.stubFor(openAi().willReturn(sse(openAiSse("We are open from nine to five", " on weekdays."))));

        SimulatedCall call = new SimulatedCall(plan(HAPPY_NUMBER, Duration.ofSeconds(10)), callers);
        CallResult result = call.run().get(45, TimeUnit.SECONDS);

        assertEquals(null, result.error(), "call error");
        assertTrue(result.streamed(), "media stream connected");
        assertEquals(1, result.answeredTurns(), "the agent answered the caller");
        assertTrue(result.agentAudioFrames() > 0, "the caller heard agent audio");

        List<CallEvent> events = CallEventsTail.eventsOf(kafka, call.callSid(), Duration.ofSeconds(20));
        CallStarted started = only(events, CallStarted.class);
        assertEquals(call.callSid(), started.callSid());
        assertEquals(HAPPY_NUMBER, started.dialedNumber());
        List<TranscriptTurn> turns = all(events, TranscriptTurn.class);
        assertTrue(turns.stream().anyMatch(t -> t.speaker() == Speaker.CALLER), "caller turn in " + turns);
        assertTrue(
                turns.stream()
                        .anyMatch(t -> t.speaker() == Speaker.AGENT
                                && OPENAI_ANSWER.equals(t.text().trim())),
                "agent turn with the OpenAI answer in " + turns);
        List<CostRecorded> costs = all(events, CostRecorded.class);
        assertFalse(costs.isEmpty(), "CostRecorded events");
        assertTrue(costs.stream().anyMatch(c -> "openai".equals(c.provider())), "an OpenAI cost in " + costs);
        CallEnded ended = only(events, CallEnded.class);
        assertEquals(CallStatus.COMPLETED, ended.status());
        assertEquals(
                0,
                ended.costs()
                        .total()
                        .compareTo(ended.costs()
                                .stt()
                                .add(ended.costs().llm())
                                .add(ended.costs().tts())),
                "total = stt + llm + tts");
        assertTrue(ended.costs().llm().signum() > 0, "the OpenAI tokens were priced: " + ended.costs());
        for (Stage stage : Stage.values()) {
            BigDecimal recorded = costs.stream()
                    .filter(c -> c.stage() == stage)
                    .map(CostRecorded::costUsd)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal stageTotal = switch (stage) {
                case STT -> ended.costs().stt();
                case LLM -> ended.costs().llm();
                case TTS -> ended.costs().tts();
            };
            assertEquals(0, recorded.compareTo(stageTotal), stage + ": CallEnded " + ended.costs() + " vs " + costs);
        }
        providers.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        assertTrue(
                twilio.findAll(postRequestedFor(
                                urlPathMatching("/2010-04-01/Accounts/[^/]+/Calls/" + call.callSid() + "\\.json")))
                        .isEmpty(),
                "no Twilio REST update");
    }

    @Test
    @Order(2)
    void whenOpenAiAndGeminiFailTheCallerHearsTheLlmMessageAndIsTransferred() throws Exception {
        providers.resetAll();
        providers.stubFor(openAi().willReturn(failure()));
        providers.stubFor(gemini().willReturn(failure()));

        SimulatedCall call = new SimulatedCall(plan(FAILING_NUMBER, Duration.ofSeconds(6)), callers);
        CallResult result = call.run().get(45, TimeUnit.SECONDS);
        assertTrue(result.streamed(), "media stream connected: " + result);

        List<CallEvent> events = CallEventsTail.eventsOf(kafka, call.callSid(), Duration.ofSeconds(20));
        List<LoggedRequest> updates = twilio.findAll(postRequestedFor(
                urlPathMatching("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls/" + call.callSid() + "\\.json")));
        assertFalse(updates.isEmpty(), "Twilio REST update of the call");
        String twiml = unescapeXml(form(updates.get(updates.size() - 1)).get("Twiml"));
        assertNotNull(twiml, "Twiml form parameter");
        assertTrue(twiml.contains(LLM_FALLBACK), "the LLM message is spoken: " + twiml);
        assertTrue(
                twiml.contains("<Dial") && twiml.contains(FAILING_TRANSFER), "dialed to the transfer number: " + twiml);
        assertTrue(twiml.indexOf("<Say") < twiml.indexOf("<Dial"), "message before the dial: " + twiml);
        providers.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        providers.verify(
                postRequestedFor(urlPathEqualTo("/v1beta/models/gemini-3.5-flash-lite:streamGenerateContent")));

        FallbackPlayed fallback = only(events, FallbackPlayed.class);
        assertEquals(FailureKind.LLM, fallback.kind());
        assertEquals(LLM_FALLBACK, fallback.message());
        assertEquals(FAILING_TRANSFER, fallback.transferTo());
        CallEnded ended = only(events, CallEnded.class);
        assertEquals(CallStatus.TRANSFERRED, ended.status(), "CallEnded " + ended);
    }

    /** A pipeline on simulated STT / TTS and OpenAI then Gemini at {@code providerUrl}, without admin-api. */
    static Map<String, String> pipelineEnv(String providerUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("PIPELINE_STT_PROVIDERS", "simulated");
        env.put("PIPELINE_LLM_PROVIDERS", "openai,gemini");
        env.put("PIPELINE_TTS_PROVIDERS", "simulated");
        env.put("OPENAI_BASE_URL", providerUrl);
        env.put("OPENAI_API_KEY", OPENAI_KEY);
        env.put("GEMINI_BASE_URL", providerUrl);
        env.put("GEMINI_API_KEY", GEMINI_KEY);
        env.put("CARTESIA_BASE_URL", providerUrl);
        env.put("ELEVENLABS_BASE_URL", providerUrl);
        env.put("KNOWLEDGE_ENABLED", "false"); // no admin-api in this stack (knowledge: pipeline tests)
        return env;
    }

    /**
     * JVM options for a packaged pipeline whose LLM is the WireMock fake: the first request of a cold JVM on a loaded
     * 2-core machine can take longer than the production 1.5 s to open the stream, and the call would then get the
     * fallback (played through Twilio's REST API, so the simulated caller hears no answer). What these tests check
     * is the call's path, not that budget (pipeline-service's own tests do).
     */
    static List<String> llmGuards() {
        List<String> guards = new ArrayList<>();
        for (String guarded : new String[] {"llm.OpenAiLlm/stream", "llm.GeminiLlm/stream"}) {
            String key = "-Dquarkus.fault-tolerance.\"com.spotfunnel.voice.pipeline." + guarded + "\".";
            guards.add(key + "timeout.value=3000");
            guards.add(key + "retry.delay=20");
        }
        return guards;
    }

    /** A gateway on {@code port} bridging to {@code pipeline}, Twilio's REST API being the fake {@link #twilio}. */
    static Map<String, String> gatewayEnv(int port, ServiceProcess pipeline, Path tenantsFile) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + port);
        env.put("TWILIO_ACCOUNT_SID", ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
        env.put("TWILIO_API_BASE_URL", "http://127.0.0.1:" + twilio.port());
        env.put("PIPELINE_URL", "ws://127.0.0.1:" + pipeline.port());
        env.put("TENANTS_FILE", tenantsFile.toAbsolutePath().toString());
        env.put("PIPELINE_DRAIN_TIMEOUT", "2s");
        env.put("DRAIN_GRACE", "1s");
        return env;
    }

    // ---- fakes: the providers' wire formats

    static com.github.tomakehurst.wiremock.client.MappingBuilder openAi() {
        return post(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY));
    }

    static com.github.tomakehurst.wiremock.client.MappingBuilder gemini() {
        return post(urlPathEqualTo("/v1beta/models/gemini-3.5-flash-lite:streamGenerateContent"))
                .withQueryParam("alt", equalTo("sse"))
                .withHeader("x-goog-api-key", equalTo(GEMINI_KEY));
    }

    static ResponseDefinitionBuilder sse(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(body);
    }

    static ResponseDefinitionBuilder failure() {
        return aResponse()
                .withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"fake failure\",\"type\":\"server_error\"}}");
    }

    /** As OpenAI streams a chat completion: role chunk, content chunks, finish_reason, usage, [DONE]. */
    static String openAiSse(String... parts) {
        StringBuilder body = new StringBuilder(
                event(
                        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\","
                                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"));
        for (String part : parts) {
            body.append(event("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"content\":\"" + part + "\"},\"finish_reason\":null}]}"));
        }
        body.append(event("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{},\"finish_reason\":\"stop\"}]}"));
        body.append(event("{\"id\":\"chatcmpl-1\",\"choices\":[],\"usage\":{\"prompt_tokens\":120,"
                + "\"completion_tokens\":12,\"total_tokens\":132}}"));
        return body.append("data: [DONE]\n\n").toString();
    }

    private static String event(String json) {
        return "data: " + json + "\n\n";
    }

    // ---- tenants

    static TenantConfig tenant(String id, String number, String transferNumber) {
        String json = """
                {"tenantId": "%s", "version": 1, "name": "E2E %s", "industry": "dental", "active": true,
                 "phoneNumbers": ["%s"],
                 "agent": {"systemPrompt": "You are the receptionist of a dental practice.",
                   "greeting": "Thank you for calling, how can I help?", "voice": null,
                   "providers": {"stt": ["simulated"], "llm": ["openai", "gemini"], "tts": ["simulated"]},
                   "transferNumber": "%s", "fallbackMessages": {}, "businessHours": null},
                 "updatedAt": "2026-11-24T00:00:00Z"}
                """.formatted(id, id, number, transferNumber);
        return TenantConfigCodec.decode(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    static void publish(List<TenantConfig> tenants) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (TenantConfig tenant : tenants) {
                producer.send(new ProducerRecord<>(
                                Topics.TENANT_CONFIG, tenant.tenantId(), TenantConfigCodec.encode(tenant)))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    static byte[] tenantsJson(List<TenantConfig> tenants) {
        StringBuilder json = new StringBuilder("[");
        for (TenantConfig tenant : tenants) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(new String(TenantConfigCodec.encode(tenant), StandardCharsets.UTF_8));
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- helpers

    static CallPlan plan(String dialed, Duration turnTimeout) {
        return new CallPlan(
                gateway.baseUrl(), AUTH_TOKEN, ACCOUNT_SID, CALLER, dialed, 1, Duration.ofMillis(1200), turnTimeout);
    }

    static <T> List<T> all(List<CallEvent> events, Class<T> type) {
        return events.stream()
                .map(CallEvent::payload)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    static <T> T only(List<CallEvent> events, Class<T> type) {
        List<T> found = all(events, type);
        assertEquals(1, found.size(), "one " + type.getSimpleName() + " among " + events);
        return found.get(0);
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    static String unescapeXml(String xml) {
        return xml == null
                ? null
                : xml.replace("&apos;", "'")
                        .replace("&quot;", "\"")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&");
    }
}
