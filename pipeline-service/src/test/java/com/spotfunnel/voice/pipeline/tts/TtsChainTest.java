package com.spotfunnel.voice.pipeline.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.pipeline.provider.ProviderAvailability;
import com.spotfunnel.voice.pipeline.provider.ProviderException;
import com.spotfunnel.voice.pipeline.provider.StageFailedException;
import com.spotfunnel.voice.pipeline.provider.StageListener;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the TTS chain does when a provider's audio breaks off mid-sentence. */
class TtsChainTest {

    private static final com.spotfunnel.voice.pipeline.provider.ProviderMetrics METRICS =
            new com.spotfunnel.voice.pipeline.provider.ProviderMetrics(
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

    private static ProviderAvailability availability() {
        return new ProviderAvailability(
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                Duration.ofHours(1),
                Duration.ofHours(1));
    }

    private final List<String> failures = new ArrayList<>();
    private final List<String> charged = new ArrayList<>();
    private final StageListener listener = new StageListener() {
        @Override
        public void providerFailed(ProviderFailed failure) {
            failures.add(failure.provider() + ":" + failure.errorType() + "->" + failure.fallbackProvider());
        }

        @Override
        public void used(Stage stage, String provider, String model, double quantity, String unit) {
            charged.add(provider + ":" + (int) quantity);
        }
    };

    @Test
    void theNextProviderSpeaksOnlyTheRestOfACutSentence() {
        Fake cutting = new Fake("first", 2, true); // 2 × 400 bytes = 8 characters at 100 bytes per character
        Fake second = new Fake("second", 3, false);
        TtsChain chain = new TtsChain(List.of(cutting, second), 100, METRICS, Duration.ofSeconds(1), availability());

        List<byte[]> audio = chain.speak(List.of("first", "second"), "We open at nine tomorrow.", null, listener)
                .collect()
                .asList()
                .await()
                .indefinitely();

        assertEquals(5, audio.size()); // nothing delivered is taken back
        assertEquals(List.of("We open at nine tomorrow."), cutting.asked);
        assertEquals(List.of("at nine tomorrow."), second.asked);
        assertEquals(List.of("first:stream_cut->second"), failures);
        assertEquals(List.of("first:25", "second:17"), charged);
    }

    @Test
    void aProviderThatFallsSilentMidSentenceHandsTheUnspokenWordsToTheNext() {
        Fake stalling = new Fake("first", 2, false) {
            @Override
            Multi<byte[]> tail() {
                return Multi.createFrom().nothing(); // the connection stays open, no more audio
            }
        };
        Fake second = new Fake("second", 3, false);
        TtsChain chain = new TtsChain(List.of(stalling, second), 100, METRICS, Duration.ofMillis(200), availability());

        List<byte[]> audio = chain.speak(List.of("first", "second"), "We open at nine tomorrow.", null, listener)
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(10));

        assertEquals(5, audio.size());
        assertEquals(List.of("at nine tomorrow."), second.asked);
        assertEquals(List.of("first:stall->second"), failures);
    }

    @Test
    void whenTheLastProviderFailsTheStageFails() {
        TtsChain chain = new TtsChain(
                List.of(new Fake("first", 0, true), new Fake("second", 0, true)),
                100,
                METRICS,
                Duration.ofSeconds(1),
                availability());
        Throwable failure = chain.speak(List.of("first", "second"), "Hello.", null, listener)
                .collect()
                .asList()
                .map(audio -> (Throwable) null)
                .onFailure()
                .recoverWithItem(t -> t)
                .await()
                .indefinitely();
        assertTrue(failure instanceof StageFailedException, String.valueOf(failure));
        assertEquals(FailureKind.TTS, ((StageFailedException) failure).kind());
        assertEquals(List.of("first:stream_cut->second", "second:stream_cut->null"), failures);
        assertTrue(charged.isEmpty(), "no audio, no charge");
    }

    private static class Fake implements TtsProvider {
        final String name;
        final int chunks;
        final boolean cut;
        final List<String> asked = new ArrayList<>();

        Fake(String name, int chunks, boolean cut) {
            this.name = name;
            this.chunks = chunks;
            this.cut = cut;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String model() {
            return name + "-model";
        }

        @Override
        public Uni<Multi<byte[]>> synthesize(String text, String voice) {
            asked.add(text);
            List<byte[]> audio = new ArrayList<>();
            for (int i = 0; i < chunks; i++) {
                audio.add(new byte[400]);
            }
            Multi<byte[]> stream =
                    Multi.createBy().concatenating().streams(Multi.createFrom().iterable(audio), tail());
            if (cut) {
                stream = Multi.createBy()
                        .concatenating()
                        .streams(stream, Multi.createFrom().failure(new ProviderException("stream_cut", "cut")));
            }
            return chunks == 0 && cut
                    ? Uni.createFrom().failure(new ProviderException("stream_cut", "cut"))
                    : Uni.createFrom().item(stream);
        }

        /** What follows the audio: by default the stream ends. */
        Multi<byte[]> tail() {
            return Multi.createFrom().empty();
        }
    }
}
