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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Failover on silence (livekit/agents #5660): OpenAI starts its answer and then stalls with the connection open.
 * After the LLM stall deadline (300 ms here, 2 s in production) the stall counts as OpenAI failing and Gemini
 * finishes the answer from the text so far; the caller is not left in silence and the call does not fail.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class StalledStreamDrillTest extends FakesReset {

    @TestHTTPResource("/")
    URI root;

    @Test
    void anLlmThatStallsMidAnswerIsFinishedByTheNextProvider() {
        // Two reads 500 ms apart: the first (the answer's first words) well within the first-token timeout, the
        // second after a silence longer than the stall deadline.
        ProviderFakes.stubOpenAi(ProviderFakes.sse(Sse.openAi("We are open ", "nine to five. ", "Anything else?"))
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
        }
    }
}
