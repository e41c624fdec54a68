package com.spotfunnel.voice.admin.stresstest;

/** pipeline-service answered with a server error: counted by the client's circuit breaker, answered as 503. */
public class PipelineUnavailable extends RuntimeException {

    public PipelineUnavailable(String message) {
        super(message, null, false, false);
    }
}
