package com.spotfunnel.voice.events.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Severity {
    @JsonProperty("warning")
    WARNING,
    @JsonProperty("error")
    ERROR,
    @JsonProperty("critical")
    CRITICAL
}
