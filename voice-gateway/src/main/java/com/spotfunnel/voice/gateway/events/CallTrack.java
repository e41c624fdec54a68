package com.spotfunnel.voice.gateway.events;

import java.time.Instant;

/**
 * The event stream of one call: who it belongs to and the next {@code seq}. Every event of the call goes
 * through {@link CallEvents#publish} with its track so seq increases strictly, without gaps, from 0.
 */
public final class CallTrack {

    private final String callId;
    private final String tenantId;
    private final String callSid;
    private long nextSeq;
    private volatile Instant lastUsed = Instant.now();

    public CallTrack(String callId, String tenantId, String callSid) {
        this.callId = callId;
        this.tenantId = tenantId;
        this.callSid = callSid;
    }

    public String callId() {
        return callId;
    }

    public String tenantId() {
        return tenantId;
    }

    public String callSid() {
        return callSid;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    /** Callers hold the track's monitor (see CallEvents). */
    long takeSeq() {
        lastUsed = Instant.now();
        return nextSeq++;
    }
}
