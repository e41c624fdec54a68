package com.spotfunnel.voice.gateway.bridge;

import com.spotfunnel.voice.events.bridge.PipelineMessage;

/** What a call's session hears from its pipeline socket. Called on the socket's event loop. */
public interface BridgeListener {

    void onPipelineMessage(PipelineMessage message);

    /**
     * The socket could not open, or closed (or errored) before the gateway closed it: while the call is live a
     * break; after {@link PipelineBridge#hangUp} the pipeline saying it has sent its last message.
     */
    void onBridgeBroken(String reason);

    /** A text frame that is not a PipelineMessage. */
    void onBadPipelineFrame();
}
