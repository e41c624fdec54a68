package com.spotfunnel.voice.pipeline.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.spotfunnel.voice.events.payload.Speaker;
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
 * The LLM streams as the network delivers them: the fakes dribble the SSE body in reads of a few bytes, so read
 * boundaries fall inside multi-byte characters (’ — é ñ). The caller's transcript must carry every character.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class StreamDecodingTest extends FakesReset {

    private static final String[] PARTS = {"It’s José — ", "we’re open at nine. ", "Señor Müller’s café is next door."};
    private static final String ANSWER = String.join("", PARTS).strip();

    @TestHTTPResource("/")
    URI root;

    @Test
    void openAiTextSplitInsideCharactersReachesTheCallerIntact() {
        ProviderFakes.stubOpenAi(ProviderFakes.dribbled(Sse.openAi(PARTS), 3));
        assertAnswerIntact();
    }

    @Test
    void geminiTextSplitInsideCharactersReachesTheCallerIntact() {
        ProviderFakes.stubOpenAi(ProviderFakes.status(400));
        ProviderFakes.stubGemini(ProviderFakes.dribbled(Sse.gemini(PARTS), 3));
        assertAnswerIntact();
    }

    private void assertAnswerIntact() {
        try (GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "tenant-unknown")) {
            gateway.awaitUtterances(1);
            gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES);
            String heard = gateway.awaitTurn(Speaker.AGENT, 2).text();
            assertFalse(heard.contains("\uFFFD"), "replacement character in: " + heard);
            assertEquals(ANSWER, heard);
        }
    }
}
