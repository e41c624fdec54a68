package com.spotfunnel.voice.pipeline.provider;

import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Stage;

/** What a stage's fallback chain reports while it works for one call: failures and what was used (for costs). */
public interface StageListener {

    void providerFailed(ProviderFailed failure);

    /** {@code unit}: audio_seconds, prompt_tokens, completion_tokens or characters. */
    void used(Stage stage, String provider, String model, double quantity, String unit);

    /** A provider produced its first byte this long after it was asked (only when it did). */
    default void firstByte(Stage stage, String provider, long nanos) {}

    StageListener NONE = new StageListener() {
        @Override
        public void providerFailed(ProviderFailed failure) {}

        @Override
        public void used(Stage stage, String provider, String model, double quantity, String unit) {}
    };
}
