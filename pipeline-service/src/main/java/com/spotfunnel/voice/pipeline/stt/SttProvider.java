package com.spotfunnel.voice.pipeline.stt;

import io.smallrye.mutiny.Uni;

/** One live speech-to-text provider. {@link #open} completes when the stream is ready for audio. */
public interface SttProvider {

    String name();

    String model();

    Uni<SttSession> open(SttListener listener);
}
