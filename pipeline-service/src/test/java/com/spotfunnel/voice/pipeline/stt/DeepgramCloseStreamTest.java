package com.spotfunnel.voice.pipeline.stt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.pipeline.fakes.DeepgramFake;
import com.spotfunnel.voice.pipeline.fakes.FakesReset;
import com.spotfunnel.voice.pipeline.fakes.ProviderFakes;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The caller's last words: Deepgram finalizes the audio it still holds only after CloseStream, then sends Metadata
 * and closes. The client waits for them instead of closing at once, so those words still reach the listener.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class DeepgramCloseStreamTest extends FakesReset {

    @Inject
    DeepgramStt deepgram;

    @Test
    void wordsFinalizedAfterCloseStreamReachTheListener() {
        ProviderFakes.deepgram().lastWords("and my number is five five five");
        List<String> utterances = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        SttSession session = deepgram.open(new SttListener() {
                    @Override
                    public void onSpeechStarted() {}

                    @Override
                    public void onUtterance(String transcript) {
                        utterances.add(transcript);
                    }

                    @Override
                    public void onSessionFailed(Throwable failure) {
                        failures.add(failure);
                    }
                })
                .await()
                .atMost(Duration.ofSeconds(10));
        session.send(new byte[DeepgramFake.UTTERANCE_BYTES / 4]); // the caller is mid-sentence, no endpoint yet
        session.close();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !utterances.isEmpty());
        assertEquals(List.of("and my number is five five five"), utterances);
        assertTrue(failures.isEmpty(), failures.toString());
    }
}
