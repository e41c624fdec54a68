package com.spotfunnel.voice.events.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a call ended. */
public enum CallStatus {
    /** The conversation ran to its end. */
    @JsonProperty("completed")
    COMPLETED,
    /** The AI failed; the caller heard the fallback message and the call was hung up. */
    @JsonProperty("failed")
    FAILED,
    /** Handed to a person at the tenant's transfer number. */
    @JsonProperty("transferred")
    TRANSFERRED,
    /** The caller hung up before the agent could help (for example during the greeting). */
    @JsonProperty("abandoned")
    ABANDONED
}
