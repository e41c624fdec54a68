package com.spotfunnel.voice.pipeline.stt;

import com.spotfunnel.voice.pipeline.provider.StageFailedException;
import com.spotfunnel.voice.pipeline.provider.StageListener;
import java.util.List;

/** The STT stage as a conversation uses it ({@link SttChain} in production). */
public interface SttStage {

    /** One call's recognition, whichever provider serves it. */
    interface Session extends SttSession {
        /** The provider that hears the caller now (the last one that did while the next opens); null before. */
        SttProvider provider();
    }

    /**
     * Recognition of one call by the providers of {@code order}, first available first; caller audio sent before a
     * provider is open (or while the next one opens after a failure) is held, up to two seconds, and sent to it.
     * When no provider is left, {@code listener} gets {@code onSessionFailed} with a {@link StageFailedException}
     * ({@code STT}); provider failures on the way are reported to {@code stage}.
     */
    Session open(List<String> order, SttListener listener, StageListener stage);
}
