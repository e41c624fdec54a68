package com.spotfunnel.voice.pipeline.conversation;

import java.time.Duration;

/** The meters a call's conversation moves ({@link ConversationMeters} in production). */
public interface ConversationMetrics {

    void callStarted();

    void callEnded();

    /** Calls whose socket is open on this instance. */
    int activeCalls();

    /** End of the caller's utterance to the first agent audio of the answer. */
    void turnLatency(Duration latency);

    void bargeIn();

    void providerFailure();

    /** A knowledge search started on interim words was used by the answer ({@code true}) or searched again. */
    void lookahead(boolean used);

    /** An answer stopped waiting for its early knowledge search ({@code pipeline.knowledge.lookahead-wait}). */
    default void lookaheadLate() {}

    /** A conversation tried a phase change its phase does not allow: a bug in the pipeline, not in the call. */
    void illegalPhaseMove(String from, String to);
}
