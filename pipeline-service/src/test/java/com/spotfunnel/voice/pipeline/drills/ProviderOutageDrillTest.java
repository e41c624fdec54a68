package com.spotfunnel.voice.pipeline.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PrometheusMetrics;
import com.spotfunnel.voice.pipeline.fakes.Checks;
import com.spotfunnel.voice.pipeline.fakes.DeepgramFake;
import com.spotfunnel.voice.pipeline.fakes.FakesReset;
import com.spotfunnel.voice.pipeline.fakes.GatewayClient;
import com.spotfunnel.voice.pipeline.fakes.ProviderFakes;
import com.spotfunnel.voice.pipeline.fakes.Sse;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Fault drill: a primary provider goes down during a live call and comes back. Its breaker opens after the
 * threshold (4 calls in the test profile; ProviderFakes), from then on the primary is not called at all (the
 * WireMock fake counts requests) while the fallback serves every turn; once the provider is back and the
 * breaker's delay (5 s in this drill) has passed, one trial call goes to the primary, succeeds, and the
 * breaker closes. The trial is the fallback engine's background probe (the breaker's refusal made the provider
 * unavailable to it), so no caller's turn pays for it. The breaker's state is also visible to Prometheus ({@code ft_circuitbreaker_state_current}).
 * Run alone: {@code ./mvnw -pl pipeline-service -am verify -Dtest=ProviderOutageDrillTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(
        value = ProviderFakes.class,
        initArgs =
                @ResourceArg(name = ProviderFakes.BREAKER_DELAY_MS, value = ProviderOutageDrillTest.BREAKER_DELAY_MS))
class ProviderOutageDrillTest extends FakesReset {

    private static final String OPENAI_PATH = "/v1/chat/completions";
    private static final String CARTESIA_PATH = "/tts/bytes";
    private static final String OPENAI_ANSWER = "OpenAI is back. Anything else?";
    private static final String GEMINI_ANSWER = "Gemini here. We open at nine.";
    /**
     * How long an open breaker stays open in this drill: long enough that the turns asserting "not called at
     * all" finish inside it even on a loaded machine (a turn can take over a second there), short enough to keep
     * the drill quick.
     */
    static final String BREAKER_DELAY_MS = "5000";

    private static final Duration BREAKER_DELAY = Duration.ofMillis(Long.parseLong(BREAKER_DELAY_MS));

    @TestHTTPResource("/")
    URI root;

    @Test
    void openAiOutageOpensItsBreakerGeminiServesAndOneTrialCallClosesItAgain() {
        String method = "com.spotfunnel.voice.pipeline.llm.OpenAiLlm.stream";
        double openedBefore = opened(method);
        ProviderFakes.stubOpenAi(ProviderFakes.status(500));
        try (Call call = new Call(root)) {
            // the outage: each turn tries OpenAI twice (call + retry), Gemini answers; 4 failures open the breaker
            assertEquals(GEMINI_ANSWER, call.ask());
            long openedNoSoonerThan = System.nanoTime();
            assertEquals(GEMINI_ANSWER, call.ask());
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Checks.requests(OPENAI_PATH) >= 4);
            assertEquals(4, Checks.requests(OPENAI_PATH));
            assertEquals(CircuitBreakerState.OPEN, breakers.currentState("openai-llm"));
            assertEquals(openedBefore + 1, opened(method));
            double refusedBefore = calls(method, "circuitBreakerOpen");

            // open: OpenAI is not called at all, Gemini serves at once
            assertEquals(GEMINI_ANSWER, call.ask());
            assertEquals(4, Checks.requests(OPENAI_PATH), "an open breaker keeps the failing provider out");
            assertTrue(call.gateway.all(PipelineMessage.ProviderFailure.class).stream()
                    .anyMatch(f -> f.failure().errorType().equals("circuit_open")));
            assertTrue(calls(method, "circuitBreakerOpen") > refusedBefore, "Prometheus sees the refused calls");
            double successesBefore = calls(method, "success");

            // OpenAI recovers: turns keep coming and Gemini answers them (the breaker's refusal made OpenAI
            // unavailable to the fallback engine: not asked at all); after the breaker's delay the engine's
            // background probe makes the one trial call, so no caller's turn waits for it; then OpenAI answers again
            ProviderFakes.stubOpenAi(ProviderFakes.sse(Sse.openAi("OpenAI is back. ", "Anything else?")));
            String answer = call.askUntil(OPENAI_ANSWER);
            assertEquals(OPENAI_ANSWER, answer);
            assertTrue(System.nanoTime() - openedNoSoonerThan >= BREAKER_DELAY.toNanos(), "no trial before the delay");
            assertEquals(6, Checks.requests(OPENAI_PATH), "exactly one trial call (the probe), then this answer");
            assertEquals(CircuitBreakerState.CLOSED, breakers.currentState("openai-llm"));
            assertEquals(
                    successesBefore + 2, calls(method, "success"), "Prometheus sees the successful trial and answer");
            System.out.println(stateLines(method));
            assertEquals(OPENAI_ANSWER, call.ask());
            assertEquals(7, Checks.requests(OPENAI_PATH));
        }
    }

    @Test
    void cartesiaOutageOpensItsBreakerElevenLabsSpeaksAndCartesiaTakesOverAgain() {
        String method = "com.spotfunnel.voice.pipeline.tts.CartesiaTts.synthesize";
        ProviderFakes.stubCartesia(ProviderFakes.status(500));
        try (Call call = new Call(root)) {
            // the greeting's two sentences: Cartesia tried twice each, 4 failures open the breaker (WireMock's
            // request journal may record the last one a moment after its answer went out)
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Checks.requests(CARTESIA_PATH) >= 4);
            assertEquals(4, Checks.requests(CARTESIA_PATH));
            assertEquals(
                    List.of("Hello, thanks for calling.", "How can I help you today?"), Checks.spokenByElevenLabs());
            assertEquals(CircuitBreakerState.OPEN, breakers.currentState("cartesia-tts"));
            double openedAfterOutage = opened(method);
            assertTrue(openedAfterOutage >= 1, "Prometheus sees the breaker opening");

            // open: the next answer is spoken by ElevenLabs without asking Cartesia
            call.ask();
            assertEquals(4, Checks.requests(CARTESIA_PATH), "an open breaker keeps the failing provider out");
            assertEquals(4, Checks.spokenByElevenLabs().size());

            // Cartesia recovers: after the delay a trial sentence reaches it, and it speaks again
            ProviderFakes.stubCartesia(ProviderFakes.audio());
            int elevenLabsBefore = Checks.spokenByElevenLabs().size();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        call.ask();
                        return Checks.requests(CARTESIA_PATH) > 4;
                    });
            assertEquals(CircuitBreakerState.CLOSED, breakers.currentState("cartesia-tts"));
            assertEquals(openedAfterOutage, opened(method), "the trial succeeded: the breaker did not open again");
            int elevenLabsAfterTrial = Checks.spokenByElevenLabs().size();
            assertTrue(elevenLabsAfterTrial >= elevenLabsBefore);
            int cartesiaBefore = Checks.requests(CARTESIA_PATH);
            call.ask();
            assertEquals(cartesiaBefore + 2, Checks.requests(CARTESIA_PATH), "both sentences spoken by Cartesia");
            assertEquals(elevenLabsAfterTrial, Checks.spokenByElevenLabs().size());
        }
    }

    private static double opened(String method) {
        return PrometheusMetrics.value("ft_circuitbreaker_opened_total{method=\"" + method + "\"}");
    }

    private static double calls(String method, String result) {
        return PrometheusMetrics.value(
                "ft_circuitbreaker_calls_total{circuitBreakerResult=\"" + result + "\",method=\"" + method + "\"}");
    }

    /** The breaker-state gauge's lines, printed for the drill's log. */
    private static String stateLines(String method) {
        return io.restassured.RestAssured.given()
                .get("/q/metrics")
                .then()
                .extract()
                .asString()
                .lines()
                .filter(l -> l.startsWith("ft_circuitbreaker_state") && l.contains(method))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** One live call on the pipeline: the caller asks, the agent answers, turn after turn. */
    private static final class Call implements AutoCloseable {

        private final GatewayClient gateway;
        private final AtomicInteger answered = new AtomicInteger();

        Call(URI root) {
            gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "tenant-unknown");
            gateway.awaitUtterances(1); // the greeting has been spoken
        }

        /** The caller speaks; returns the agent's answer once it has been spoken in full. */
        String ask() {
            int turn = answered.incrementAndGet();
            gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES);
            String text = gateway.awaitTurn(Speaker.AGENT, 2 * turn).text();
            gateway.awaitUtterances(turn + 1);
            return text;
        }

        /** Asks turn after turn until the agent answers {@code expected}; returns that answer. */
        String askUntil(String expected) {
            AtomicReference<String> last = new AtomicReference<>();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        last.set(ask());
                        return expected.equals(last.get());
                    });
            return last.get();
        }

        @Override
        public void close() {
            gateway.close();
        }
    }
}
