package com.spotfunnel.voice.pipeline.tts;

import com.spotfunnel.voice.pipeline.provider.ResumePolicy;
import java.util.Optional;

/**
 * The TTS resume policy: the next provider speaks only the words the delivered audio did not cover
 * ({@link UnspokenText}), so nothing is said twice; nothing left means the sentence is complete. Only the first
 * provider gets the tenant's voice.
 */
final class TtsResume implements ResumePolicy<TtsResume.Utterance, byte[]> {

    /** A sentence to say, in a provider's voice id (null: the provider's configured voice). */
    record Utterance(String text, String voice) {}

    private final int bytesPerCharacter;

    TtsResume(int bytesPerCharacter) {
        this.bytesPerCharacter = bytesPerCharacter;
    }

    @Override
    public Course<Utterance, byte[]> begin(Utterance sentence) {
        return new Course<>() {
            private String text = sentence.text();
            private long delivered;

            @Override
            public Optional<Utterance> request(int attempt) {
                if (attempt == 0) {
                    return Optional.of(sentence);
                }
                text = UnspokenText.after(text, delivered, bytesPerCharacter);
                delivered = 0;
                return text.isEmpty() ? Optional.empty() : Optional.of(new Utterance(text, null));
            }

            @Override
            public byte[] passOn(byte[] audio) {
                delivered += audio.length;
                return audio;
            }
        };
    }
}
