package com.spotfunnel.voice.pipeline.stt;

import io.smallrye.mutiny.Uni;

/** One open recognition stream for one call. */
public interface SttSession {

    /** Raw μ-law 8 kHz caller audio. */
    void send(byte[] audio);

    /** Ends the stream at once (idempotent); words the provider still held may be lost (see {@link #finish}). */
    void close();

    /**
     * Ends the stream and completes once the provider delivered the words it still held as a last
     * {@code onUtterance} (Deepgram: the results after CloseStream), bounded by the provider's own setting. Nothing
     * else follows.
     */
    default Uni<Void> finish() {
        close();
        return Uni.createFrom().voidItem();
    }
}
