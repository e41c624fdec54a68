package com.spotfunnel.voice.pipeline.analysis;

import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import java.util.List;

/**
 * What the conversation knows when the socket closes: the input of post-call analysis.
 *
 * @param messageFor why the agent took a message instead of transferring ({@code after_hours}, or the Dial's outcome
 *                   {@code no-answer}, {@code busy}, {@code failed}), else null: the call then needs a callback
 */
public record FinishedCall(
        String tenantId,
        String callId,
        String callerPhone,
        List<TranscriptTurn> transcript,
        boolean transferred,
        FailureKind failure,
        List<String> llmOrder,
        String messageFor) {

    public FinishedCall {
        transcript = List.copyOf(transcript);
    }

    public FinishedCall(
            String tenantId,
            String callId,
            String callerPhone,
            List<TranscriptTurn> transcript,
            boolean transferred,
            FailureKind failure,
            List<String> llmOrder) {
        this(tenantId, callId, callerPhone, transcript, transferred, failure, llmOrder, null);
    }

    public boolean callerSpoke() {
        return transcript.stream().anyMatch(t -> t.speaker() == com.spotfunnel.voice.events.payload.Speaker.CALLER);
    }
}
