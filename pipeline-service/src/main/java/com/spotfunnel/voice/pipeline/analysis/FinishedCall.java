package com.spotfunnel.voice.pipeline.analysis;

import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import java.util.List;

/** What the conversation knows when the socket closes: the input of post-call analysis. */
public record FinishedCall(
        String tenantId,
        String callId,
        String callerPhone,
        List<TranscriptTurn> transcript,
        boolean transferred,
        FailureKind failure,
        List<String> llmOrder) {

    public FinishedCall {
        transcript = List.copyOf(transcript);
    }

    public boolean callerSpoke() {
        return transcript.stream().anyMatch(t -> t.speaker() == com.spotfunnel.voice.events.payload.Speaker.CALLER);
    }
}
