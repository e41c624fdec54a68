package com.spotfunnel.voice.admin.stresstest;

/** pipeline-service refused a request (4xx): its problem+json body is passed on with its status. */
public class PipelineRefused extends RuntimeException {

    private final int status;
    private final String body;

    public PipelineRefused(int status, String body) {
        super("pipeline-service answered HTTP " + status, null, false, false);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
