package com.spotfunnel.voice.pipeline.analysis;

import io.smallrye.mutiny.Uni;

/** Where a conversation hands its call when the socket closes ({@link AnalysisPublisher} in production). */
public interface FinishedCalls {

    /** Analyses the call and publishes the result; the conversation does not wait for it. */
    Uni<Void> publish(FinishedCall call);
}
