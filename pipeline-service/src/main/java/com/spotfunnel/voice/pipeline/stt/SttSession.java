package com.spotfunnel.voice.pipeline.stt;

/** One open recognition stream for one call. */
public interface SttSession {

    /** Raw μ-law 8 kHz caller audio. */
    void send(byte[] audio);

    /**
     * Ends the stream (idempotent). A provider that still holds audio may deliver the last words as one more
     * {@code onUtterance} shortly after (Deepgram: the results after CloseStream); nothing else follows.
     */
    void close();
}
