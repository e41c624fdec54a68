package com.spotfunnel.voice.pipeline.tts;

import com.spotfunnel.voice.pipeline.provider.StageFailedException;
import com.spotfunnel.voice.pipeline.provider.StageListener;
import io.smallrye.mutiny.Multi;
import java.util.List;

/** The TTS stage as a conversation uses it ({@link TtsChain} in production, a fake in unit tests). */
public interface TtsStage {

    /** One sentence's μ-law audio; fails with {@link StageFailedException} ({@code TTS}) when no provider can. */
    Multi<byte[]> speak(List<String> order, String sentence, String voice, StageListener listener);
}
