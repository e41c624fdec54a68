package com.spotfunnel.voice.events;

import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStarted;
import com.spotfunnel.voice.events.payload.CallStatusReported;
import com.spotfunnel.voice.events.payload.CallTransferred;
import com.spotfunnel.voice.events.payload.CallerErased;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.EventPayload;
import com.spotfunnel.voice.events.payload.FallbackPlayed;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.SystemError;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type on the wire, its name as written in {@code type}, and the schema version this code
 * writes and understands. Additive changes (a new optional field) keep the version; a version is only
 * raised for a change an older consumer could misread, and such events are skipped by older consumers.
 */
public enum EventType {
    CALL_STARTED("CallStarted", 1, CallStarted.class),
    TRANSCRIPT_TURN("TranscriptTurn", 1, TranscriptTurn.class),
    PROVIDER_FAILED("ProviderFailed", 1, ProviderFailed.class),
    FALLBACK_PLAYED("FallbackPlayed", 1, FallbackPlayed.class),
    CALL_TRANSFERRED("CallTransferred", 1, CallTransferred.class),
    COST_RECORDED("CostRecorded", 1, CostRecorded.class),
    CALL_ENDED("CallEnded", 1, CallEnded.class),
    CALL_ANALYZED("CallAnalyzed", 1, CallAnalyzed.class),
    SYSTEM_ERROR("SystemError", 1, SystemError.class),
    CALL_STATUS_REPORTED("CallStatusReported", 1, CallStatusReported.class),
    CALLER_ERASED("CallerErased", 1, CallerErased.class);

    private final String wireName;
    private final int schemaVersion;
    private final Class<? extends EventPayload> payloadClass;

    EventType(String wireName, int schemaVersion, Class<? extends EventPayload> payloadClass) {
        this.wireName = wireName;
        this.schemaVersion = schemaVersion;
        this.payloadClass = payloadClass;
    }

    public String wireName() {
        return wireName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static EventType of(EventPayload payload) {
        for (EventType type : values()) {
            if (type.payloadClass.isInstance(payload)) {
                return type;
            }
        }
        throw new IllegalArgumentException("No event type for " + payload.getClass());
    }
}
