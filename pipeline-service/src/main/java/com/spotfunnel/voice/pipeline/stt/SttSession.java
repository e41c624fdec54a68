package com.spotfunnel.voice.pipeline.stt;

/** One open recognition stream for one call. */
public interface SttSession {

    /** Raw μ-law 8 kHz caller audio. */
    void send(byte[] audio);

    /** Ends the stream (idempotent); no listener call follows. */
    void close();
}
