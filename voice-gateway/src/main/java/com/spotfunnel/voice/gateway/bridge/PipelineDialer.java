package com.spotfunnel.voice.gateway.bridge;

import com.spotfunnel.voice.events.bridge.GatewayMessage;

/** Opens a call's socket to pipeline-service ({@link PipelineConnector} in production). */
public interface PipelineDialer {

    /** Returns at once; {@code start} goes first, what the pipeline says reaches {@code listener}. */
    PipelineLink connect(GatewayMessage.CallStart start, BridgeListener listener);
}
