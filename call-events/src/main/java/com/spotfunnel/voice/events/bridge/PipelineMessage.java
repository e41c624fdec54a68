package com.spotfunnel.voice.events.bridge;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.TranscriptTurn;

/** Text frames from pipeline-service to voice-gateway on a call's socket. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PipelineMessage.AgentAudio.class, name = "audio"),
    @JsonSubTypes.Type(value = PipelineMessage.Clear.class, name = "clear"),
    @JsonSubTypes.Type(value = PipelineMessage.Transcript.class, name = "transcript"),
    @JsonSubTypes.Type(value = PipelineMessage.Cost.class, name = "cost"),
    @JsonSubTypes.Type(value = PipelineMessage.ProviderFailure.class, name = "providerFailed"),
    @JsonSubTypes.Type(value = PipelineMessage.Failed.class, name = "failed"),
    @JsonSubTypes.Type(value = PipelineMessage.Transfer.class, name = "transfer"),
    @JsonSubTypes.Type(value = PipelineMessage.Hangup.class, name = "hangup"),
    @JsonSubTypes.Type(value = PipelineMessage.StageLatency.class, name = "latency")
})
public sealed interface PipelineMessage {

    /**
     * Agent speech for the caller: raw μ-law 8 kHz (base64 in JSON). {@code last} closes the utterance; the
     * gateway then sends a Twilio mark named after it and reports {@link GatewayMessage.Played} on its echo.
     */
    record AgentAudio(String utteranceId, byte[] audio, boolean last) implements PipelineMessage {}

    /** Barge-in: the caller spoke over the agent; drop everything not yet played. */
    record Clear(String reason) implements PipelineMessage {}

    record Transcript(TranscriptTurn turn) implements PipelineMessage {}

    record Cost(CostRecorded cost) implements PipelineMessage {}

    /** One provider failed and {@code failure.fallbackProvider()} took over (or none was left). */
    record ProviderFailure(ProviderFailed failure) implements PipelineMessage {}

    /** A stage is exhausted: the gateway speaks the fallback message and transfers or hangs up. */
    record Failed(FailureKind kind, String detail) implements PipelineMessage {}

    /** The caller asked for a person. */
    record Transfer(String reason) implements PipelineMessage {}

    /** The conversation is over (for example the caller said goodbye); hang up after the audio plays. */
    record Hangup(String reason) implements PipelineMessage {}

    /**
     * A provider's time to first byte on this call (STT: stream open; LLM: first token; TTS: first audio of a
     * sentence), for the gateway's per-call metrics. Informational: nothing depends on it.
     */
    record StageLatency(Stage stage, String provider, long firstByteMs) implements PipelineMessage {}
}
