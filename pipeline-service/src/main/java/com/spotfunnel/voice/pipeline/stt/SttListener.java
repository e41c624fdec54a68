package com.spotfunnel.voice.pipeline.stt;

/** What a live recognizer tells the conversation. Called from provider threads; never blocks. */
public interface SttListener {

    /** The caller started speaking (used for barge-in). */
    void onSpeechStarted();

    /**
     * What the recognizer has heard of the utterance so far (an interim result), before the endpoint. The words
     * may still change; the conversation uses them only to get ready (see {@code KnowledgeLookahead}).
     */
    default void onPartial(String heardSoFar) {}

    /** The caller finished an utterance (endpoint detected). */
    void onUtterance(String transcript);

    /** The session broke after it was open. */
    void onSessionFailed(Throwable failure);
}
