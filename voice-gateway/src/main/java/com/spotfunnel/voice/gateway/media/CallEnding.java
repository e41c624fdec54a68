package com.spotfunnel.voice.gateway.media;

import com.spotfunnel.voice.events.payload.CallStatus;

/** How a call ended, as CallEnded reports it: fixed when the caller side is over. */
public record CallEnding(CallStatus status, String reason) {}
