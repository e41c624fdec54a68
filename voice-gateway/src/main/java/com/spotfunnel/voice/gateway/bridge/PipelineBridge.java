package com.spotfunnel.voice.gateway.bridge;

import com.spotfunnel.voice.events.bridge.BridgeCodec;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One call's socket to pipeline-service. Until it is open, caller audio is buffered (bounded) and control
 * messages are queued; after {@link #close} nothing more is sent and no break is reported.
 */
public final class PipelineBridge {

    private final int maxBufferedFrames;
    private final Deque<Object> pending = new ArrayDeque<>();
    private WebSocket socket;
    private boolean closed;
    private long droppedFrames;

    PipelineBridge(int maxBufferedFrames) {
        this.maxBufferedFrames = maxBufferedFrames;
    }

    synchronized void opened(WebSocket socket) {
        if (closed) {
            socket.close();
            return;
        }
        this.socket = socket;
        while (!pending.isEmpty()) {
            write(pending.poll());
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public synchronized void send(GatewayMessage message) {
        enqueueOrWrite(BridgeCodec.write(message));
    }

    /** Caller audio: raw μ-law as Twilio sent it. Dropped (and counted) when the socket cannot keep up. */
    public synchronized void sendAudio(byte[] mulaw) {
        if (socket == null && pending.size() >= maxBufferedFrames) {
            droppedFrames++;
            return;
        }
        if (socket != null && socket.writeQueueFull()) {
            droppedFrames++;
            return;
        }
        enqueueOrWrite(Buffer.buffer(mulaw));
    }

    public synchronized long droppedFrames() {
        return droppedFrames;
    }

    /** Sends the message (if any) and closes; the close is ours, so it is not a break. */
    public synchronized void close(GatewayMessage last) {
        if (closed) {
            return;
        }
        if (last != null) {
            send(last);
        }
        closed = true;
        if (socket != null) {
            socket.close();
        }
    }

    private void enqueueOrWrite(Object frame) {
        if (closed) {
            return;
        }
        if (socket == null) {
            pending.add(frame);
        } else {
            write(frame);
        }
    }

    private void write(Object frame) {
        if (frame instanceof String text) {
            socket.writeTextMessage(text);
        } else {
            socket.writeBinaryMessage((Buffer) frame);
        }
    }
}
