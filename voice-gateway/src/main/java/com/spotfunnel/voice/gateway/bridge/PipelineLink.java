package com.spotfunnel.voice.gateway.bridge;

import com.spotfunnel.voice.events.bridge.GatewayMessage;

/**
 * One call's socket to pipeline-service as its session sees it ({@link PipelineBridge} in production, a fake in
 * the session's unit tests). Every method returns at once.
 */
public interface PipelineLink {

    /**
     * The {@link BridgeListener#onBridgeBroken} reason of a socket pipeline-service refused because it is at its
     * live-conversation limit: the caller hears the busy message, not the failure fallback.
     */
    String PIPELINE_BUSY = "pipeline_busy";

    void send(GatewayMessage message);

    /** Caller audio: raw μ-law as Twilio sent it; dropped (and counted) when the socket cannot keep up. */
    void sendAudio(byte[] mulaw);

    /** Sends {@code last} and stops sending; the pipeline's last messages are still read. */
    void hangUp(GatewayMessage last);

    /** Sends {@code last} (if any, and unless hung up already) and closes; no break is reported after it. */
    void close(GatewayMessage last);

    boolean isClosed();

    long droppedFrames();
}
