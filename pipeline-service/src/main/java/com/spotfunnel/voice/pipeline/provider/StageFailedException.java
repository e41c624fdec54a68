package com.spotfunnel.voice.pipeline.provider;

import com.spotfunnel.voice.events.payload.FailureKind;

/** Every provider of a stage failed: the call gets {@code Failed(kind)} and the gateway takes over. */
public class StageFailedException extends RuntimeException {

    private final FailureKind kind;

    public StageFailedException(FailureKind kind, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }
}
