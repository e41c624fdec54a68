package com.spotfunnel.voice.events.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Speaker {
    @JsonProperty("caller")
    CALLER,
    @JsonProperty("agent")
    AGENT
}
