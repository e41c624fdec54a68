package com.spotfunnel.voice.pipeline.tts;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One text-to-speech provider producing raw μ-law 8 kHz. {@link #synthesize} completes once the first audio
 * bytes arrived (what the guards measure); the Multi carries all of the audio.
 */
public interface TtsProvider {

    String name();

    String model();

    /** @param voice a provider voice id, or null for the configured default */
    Uni<Multi<byte[]>> synthesize(String text, String voice);
}
