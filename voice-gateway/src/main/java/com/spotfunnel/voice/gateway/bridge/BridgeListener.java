package com.spotfunnel.voice.gateway.bridge;

import com.spotfunnel.voice.events.bridge.PipelineMessage;

/** What a call's session hears from its pipeline socket. Called on the socket's event loop. */
public interface BridgeListener {

    void onPipelineMessage(PipelineMessage message);

    /** The socket could not open, or closed while the call was still live. */
    void onBridgeBroken(String reason);

    /** A text frame that is not a PipelineMessage. */
    void onBadPipelineFrame();
}
