package com.spotfunnel.voice.gateway.events;

import com.spotfunnel.voice.events.payload.EventPayload;

/** Where a call's events go, in order ({@link CallEvents} in production). Never blocks. */
public interface CallEventSink {

    /** The call's track, created on first use. */
    CallTrack track(String callId, String tenantId, String callSid);

    void publish(CallTrack track, EventPayload payload);
}
