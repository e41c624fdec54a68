package com.spotfunnel.voice.pipeline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.pipeline.fakes.DeepgramFake;
import com.spotfunnel.voice.pipeline.fakes.FakesReset;
import com.spotfunnel.voice.pipeline.fakes.GatewayClient;
import com.spotfunnel.voice.pipeline.fakes.ProviderFakes;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The caller hangs up mid-sentence. Deepgram finalizes the words it still holds only after CloseStream (the fake
 * does as the real one: 200 ms later, then Metadata, then it closes); those words are the call's last caller turn,
 * sent to the gateway before the socket closes (the close tells the gateway the call's record is complete).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class CallerLastWordsTest extends FakesReset {

    private static final String LAST_WORDS = "and my number is five five five";

    @TestHTTPResource("/")
    URI root;

    @Test
    void wordsDeepgramFinalizesAfterTheHangupAreInTheCallsTranscript() {
        ProviderFakes.deepgram().lastWords(LAST_WORDS);
        try (GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "tenant-unknown")) {
            gateway.awaitUtterances(1); // the greeting
            gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES / 4); // mid-sentence: no endpoint yet
            gateway.send(new GatewayMessage.CallerHangup("caller hung up"));

            Awaitility.await().atMost(GatewayClient.WAIT).until(gateway::isClosed);
            List<TranscriptTurn> callerTurns = gateway.received().subList(0, gateway.receivedWhenClosed()).stream()
                    .filter(m -> m instanceof PipelineMessage.Transcript)
                    .map(m -> ((PipelineMessage.Transcript) m).turn())
                    .filter(turn -> turn.speaker() == Speaker.CALLER)
                    .toList();
            assertEquals(1, callerTurns.size(), callerTurns.toString());
            assertEquals(LAST_WORDS, callerTurns.get(0).text());
            assertTrue(
                    gateway.all(PipelineMessage.AgentAudio.class).stream()
                            .noneMatch(a -> !a.utteranceId()
                                    .equals(gateway.all(PipelineMessage.AgentAudio.class)
                                            .get(0)
                                            .utteranceId())),
                    "the agent does not answer a caller who hung up");
        }
    }
}
