package com.spotfunnel.voice.events.bridge;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Text frames from voice-gateway to pipeline-service on a call's socket. Caller audio travels beside them as
 * binary frames: raw μ-law 8 kHz mono, as Twilio sent it (usually 20 ms = 160 bytes).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = GatewayMessage.CallStart.class, name = "start"),
    @JsonSubTypes.Type(value = GatewayMessage.Dtmf.class, name = "dtmf"),
    @JsonSubTypes.Type(value = GatewayMessage.Played.class, name = "played"),
    @JsonSubTypes.Type(value = GatewayMessage.CallerHangup.class, name = "hangup"),
    @JsonSubTypes.Type(value = GatewayMessage.TransferReturned.class, name = "transferReturned")
})
public sealed interface GatewayMessage {

    /** First frame on every socket: which call this is. */
    record CallStart(
            String callId, String tenantId, String callSid, String streamSid, String callerPhone, String dialedNumber)
            implements GatewayMessage {}

    /** The caller pressed a key. */
    record Dtmf(String digit) implements GatewayMessage {}

    /** Twilio echoed the mark after this utterance: the caller has heard all of it. */
    record Played(String utteranceId) implements GatewayMessage {}

    /** The caller hung up; the pipeline finishes the call's bookkeeping and closes. */
    record CallerHangup(String reason) implements GatewayMessage {}

    /**
     * The transfer the pipeline asked for did not connect and the caller is back on a new stream of the same call:
     * the agent says so and takes a message.
     *
     * @param outcome Twilio's DialCallStatus: {@code no-answer}, {@code busy} or {@code failed}
     */
    record TransferReturned(String outcome) implements GatewayMessage {}
}
