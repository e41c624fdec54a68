package com.spotfunnel.voice.pipeline.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.pipeline.fakes.DeepgramFake;
import com.spotfunnel.voice.pipeline.fakes.FakesReset;
import com.spotfunnel.voice.pipeline.fakes.GatewayClient;
import com.spotfunnel.voice.pipeline.fakes.ProviderFakes;
import com.spotfunnel.voice.pipeline.fakes.Sse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Failover on silence (livekit/agents #5660): OpenAI starts its answer and then stalls with the connection open.
 * After the LLM stall deadline (300 ms here, 2 s in production) the stall counts as OpenAI failing and Gemini
 * finishes the answer from the text so far; the caller is not left in silence (no gap over the deadline plus
 * 200 ms between OpenAI's last audio and Gemini's first) and the call does not fail.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class StalledStreamDrillTest extends FakesReset {

    /** {@code pipeline.providers.stall.llm} in the tests (ProviderFakes). */
    private static final long STALL_MS = 300;

    @TestHTTPResource("/")
    URI root;

    /**
     * The gap, as the caller's side received it, between the last agent audio before the provider failure was
     * reported and the first agent audio after it (both of the same answer).
     */
    static long silenceAround(GatewayClient gateway, Predicate<PipelineMessage.ProviderFailure> failure) {
        List<PipelineMessage> received = gateway.received();
        int failed = -1;
        for (int i = 0; i < received.size() && failed < 0; i++) {
            if (received.get(i) instanceof PipelineMessage.ProviderFailure f && failure.test(f)) {
                failed = i;
            }
        }
        assertTrue(failed >= 0, "no provider failure");
        int before = -1;
        String utterance = null;
        for (int i = failed - 1; i >= 0 && before < 0; i--) {
            if (received.get(i) instanceof PipelineMessage.AgentAudio audio && audio.audio().length > 0) {
                before = i;
                utterance = audio.utteranceId();
            }
        }
        assertTrue(before >= 0, "no audio of the answer before the stall: " + received);
        int after = -1;
        for (int i = failed + 1; i < received.size() && after < 0; i++) {
            if (received.get(i) instanceof PipelineMessage.AgentAudio audio
                    && audio.audio().length > 0
                    && audio.utteranceId().equals(utterance)) {
                after = i;
            }
        }
        assertTrue(after >= 0, "no audio of the answer after the failover: " + received);
        return TimeUnit.NANOSECONDS.toMillis(gateway.arrivalNanos(after) - gateway.arrivalNanos(before));
    }

    @Test
    void anLlmThatStallsMidAnswerIsFinishedByTheNextProvider() {
        // Two reads 500 ms apart: the first (the answer's first sentence, which the caller hears) well within the
        // first-token timeout, the second after a silence longer than the stall deadline.
        ProviderFakes.stubOpenAi(
                ProviderFakes.sse(Sse.openAi("We are open nine to five. ", "On Saturdays ", "we open at ten."))
                        .withChunkedDribbleDelay(2, 1000));
        try (GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "tenant-unknown")) {
            gateway.awaitUtterances(1);
            gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES);
            String heard = gateway.awaitTurn(Speaker.AGENT, 2).text();
            ProviderFailed failed = gateway.await(
                            PipelineMessage.ProviderFailure.class,
                            f -> f.failure().stage() == Stage.LLM)
                    .failure();
            assertEquals("openai", failed.provider());
            assertEquals("stall", failed.errorType());
            assertEquals("gemini", failed.fallbackProvider());
            assertTrue(heard.startsWith("We are open"), heard);
            assertTrue(heard.endsWith("We open at nine."), heard); // Gemini's words finish the answer
            assertTrue(gateway.all(PipelineMessage.Failed.class).isEmpty());

            // What the caller notices: the silence between the last audio before the stall (OpenAI's first
            // sentence) and the first audio after the failover (Gemini's) is the stall deadline plus little more.
            long gapMs = silenceAround(gateway, f -> f.failure().stage() == Stage.LLM);
            System.out.println(
                    "Caller's silence at the LLM failover: " + gapMs + " ms (stall deadline " + STALL_MS + " ms)");
            assertTrue(gapMs <= STALL_MS + 200, "the caller heard " + gapMs + " ms of silence at the failover");
        }
    }
}
