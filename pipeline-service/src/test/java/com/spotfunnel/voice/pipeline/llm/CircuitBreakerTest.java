package com.spotfunnel.voice.pipeline.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.Speaker;
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
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class CircuitBreakerTest extends FakesReset {

    private static final String COMPLETIONS = "/v1/chat/completions";
    private static final LlmRequest REQUEST = new LlmRequest("You are a test.", List.of(ChatMessage.user("Hi")));

    @Inject
    OpenAiLlm openAi;

    @TestHTTPResource("/")
    URI root;

    @Test
    void openAisBreakerOpensAfterRepeatedFailuresAndClosesAgain() {
        ProviderFakes.stubOpenAi(ProviderFakes.status(500));
        for (int i = 0; i < 2; i++) { // two calls, each retried once: 4 failures in the 4-call window
            assertThrows(
                    RuntimeException.class, () -> openAi.stream(REQUEST).await().atMost(Duration.ofSeconds(5)));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState("openai-llm"));

        int requestsSoFar = Checks.requests(COMPLETIONS);
        assertThrows(
                CircuitBreakerOpenException.class,
                () -> openAi.stream(REQUEST).await().atMost(Duration.ofSeconds(5)));
        assertEquals(requestsSoFar, Checks.requests(COMPLETIONS), "an open breaker does not call OpenAI");

        // while it is open, calls go straight to Gemini
        try (GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "tenant-unknown")) {
            gateway.awaitUtterances(1);
            gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES);
            assertEquals(
                    "Gemini here. We open at nine.",
                    gateway.awaitTurn(Speaker.AGENT, 2).text());
            assertEquals(
                    "circuit_open",
                    gateway.await(PipelineMessage.ProviderFailure.class, f -> true)
                            .failure()
                            .errorType());
        }
        assertEquals(requestsSoFar, Checks.requests(COMPLETIONS));

        // OpenAI recovers; after the breaker's delay (1 s in tests) one trial call closes it again
        ProviderFakes.stubOpenAi(ProviderFakes.sse(Sse.openAi("Back again.")));
        Awaitility.await()
                .pollDelay(Duration.ofMillis(900))
                .pollInterval(Duration.ofMillis(200))
                .atMost(Duration.ofSeconds(10))
                .until(() -> {
                    try {
                        Multi<LlmEvent> events = openAi.stream(REQUEST).await().atMost(Duration.ofSeconds(5));
                        events.collect().asList().await().atMost(Duration.ofSeconds(5));
                        return true;
                    } catch (CircuitBreakerOpenException stillOpen) {
                        return false;
                    }
                });
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState("openai-llm"));
    }
}
