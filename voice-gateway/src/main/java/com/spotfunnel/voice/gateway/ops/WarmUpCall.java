package com.spotfunnel.voice.gateway.ops;

import com.spotfunnel.voice.events.bridge.BridgeCodec;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.gateway.bridge.PipelineBridge;
import com.spotfunnel.voice.gateway.media.MediaCodec;
import com.spotfunnel.voice.gateway.media.TwilioFrame;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One synthetic call of the {@link WarmUp}, every hop a real socket on this process's loopback: a Twilio stand-in
 * sends Media Streams JSON (20 ms μ-law frames, base64, marks, stop) to {@code /twilio}, where the gateway's codec
 * reads it and a real {@link PipelineBridge} (a Vert.x WebSocket client, as to pipeline-service) carries the audio to
 * {@code /pipeline}, a pipeline stand-in that answers every 200 ms of audio with agent audio in bridge JSON, which the
 * gateway side reads and writes back to the Twilio stand-in as Media Streams JSON. The same code per frame as a live
 * call, minus the call session (so no event, no tenant, no meter).
 */
final class WarmUpCall {

    private static final int FRAMES_PER_ANSWER = 10;
    private static final int FRAMES_PER_MARK = 50;
    private static final int FRAMES_PER_TURN = 64;
    private static final String[] CALLER_FRAMES = callerFrames();
    /** What the gateway writes to Twilio, built as a live call's stream does. */
    private static final MediaCodec.Outbound TWILIO_OUT = MediaCodec.outbound("MZwarmup");

    private static final String AGENT_AUDIO =
            BridgeCodec.write(new PipelineMessage.AgentAudio("warm-up", signal(1600, 0x15), false));

    /** What the warm-up relayed, for its log line and readiness data. */
    static final class Counters {
        private final AtomicLong callerFrames = new AtomicLong();
        private final AtomicLong agentFrames = new AtomicLong();
        /** Set when the warm-up timed out: the synthetic calls hang up instead of sending on. */
        private volatile boolean stopped;

        void stop() {
            stopped = true;
        }

        long callerFrames() {
            return callerFrames.get();
        }

        long agentFrames() {
            return agentFrames.get();
        }
    }

    private WarmUpCall() {}

    /** The Twilio stand-in: completes when the gateway side has closed the stream after {@code frames} frames. */
    static Future<Void> call(WebSocketClient client, int port, int index, int frames, Counters counters) {
        Promise<Void> done = Promise.promise();
        client.connect(port, WarmUp.LOOPBACK, "/twilio").onComplete(connected -> {
            if (connected.failed()) {
                done.tryFail(connected.cause());
                return;
            }
            WebSocket twilio = connected.result();
            twilio.closeHandler(ignored -> done.tryComplete());
            twilio.exceptionHandler(done::tryFail);
            twilio.textMessageHandler(ignored -> {});
            send(Vertx.currentContext().owner(), twilio, index, 0, frames, counters);
        });
        return done.future();
    }

    /** Sends frames in batches, one batch per event-loop turn, waiting whenever the socket's queue is full. */
    private static void send(Vertx vertx, WebSocket twilio, int index, int sent, int frames, Counters counters) {
        if (twilio.isClosed()) {
            return;
        }
        int next = sent;
        while (next < frames && next - sent < FRAMES_PER_TURN && !counters.stopped) {
            if (twilio.writeQueueFull()) {
                int from = next;
                twilio.drainHandler(ignored -> send(vertx, twilio, index, from, frames, counters));
                return;
            }
            twilio.writeTextMessage(CALLER_FRAMES[next % CALLER_FRAMES.length]);
            if (++next % FRAMES_PER_MARK == 0) {
                twilio.writeTextMessage("{\"event\":\"mark\",\"streamSid\":\"MZwarmup\",\"mark\":{\"name\":\"u" + index
                        + "-" + next + "\"}}");
            }
        }
        if (next < frames && !counters.stopped) {
            int from = next;
            vertx.runOnContext(ignored -> send(vertx, twilio, index, from, frames, counters));
        } else {
            twilio.writeTextMessage("{\"event\":\"stop\",\"streamSid\":\"MZwarmup\",\"stop\":{}}");
        }
    }

    /** The loopback server: the gateway side of the Twilio stream, or the pipeline stand-in. */
    static void serve(ServerWebSocket socket, WebSocketClient client, int port, Counters counters) {
        if ("/pipeline".equals(socket.path())) {
            pipeline(socket, counters);
        } else {
            gateway(socket, client, port, counters);
        }
    }

    private static void gateway(ServerWebSocket twilio, WebSocketClient client, int port, Counters counters) {
        PipelineBridge bridge = new PipelineBridge(250);
        bridge.send(new GatewayMessage.CallStart("warm-up", "warm-up", "CAwarmup", "MZwarmup", null, null));
        // Twilio paces its frames at 20 ms; the stand-in does not, so it waits for the pipeline socket here.
        twilio.pause();
        client.connect(port, WarmUp.LOOPBACK, "/pipeline").onComplete(connected -> {
            if (connected.failed()) {
                twilio.close();
                return;
            }
            WebSocket pipeline = connected.result();
            pipeline.textMessageHandler(text -> BridgeCodec.readPipelineMessage(text)
                    .filter(PipelineMessage.AgentAudio.class::isInstance)
                    .map(PipelineMessage.AgentAudio.class::cast)
                    .ifPresent(audio -> write(twilio, TWILIO_OUT.media(audio.audio()))));
            pipeline.drainHandler(ignored -> twilio.resume());
            bridge.opened(pipeline);
            twilio.textMessageHandler(text -> {
                TwilioFrame frame = MediaCodec.read(text);
                if (frame instanceof TwilioFrame.Media media) {
                    bridge.sendAudio(media.audio());
                    if (pipeline.writeQueueFull()) {
                        twilio.pause(); // resumed by the drain handler: every frame is relayed
                    }
                } else if (frame instanceof TwilioFrame.Mark mark) {
                    bridge.send(new GatewayMessage.Played(mark.name()));
                    write(twilio, TWILIO_OUT.mark(mark.name()));
                } else if (frame instanceof TwilioFrame.Stop) {
                    bridge.close(new GatewayMessage.CallerHangup("warm-up"));
                    twilio.close();
                }
            });
            twilio.resume();
        });
        twilio.closeHandler(ignored -> bridge.close(null));
    }

    private static void write(ServerWebSocket socket, String text) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(text);
        }
    }

    private static void pipeline(ServerWebSocket gateway, Counters counters) {
        long[] frames = {0};
        gateway.binaryMessageHandler(audio -> {
            counters.callerFrames.incrementAndGet();
            if (++frames[0] % FRAMES_PER_ANSWER == 0 && !gateway.isClosed() && !gateway.writeQueueFull()) {
                counters.agentFrames.incrementAndGet();
                gateway.writeTextMessage(AGENT_AUDIO);
            }
        });
        gateway.textMessageHandler(text -> BridgeCodec.readGatewayMessage(text));
    }

    /** Twilio's media frames as it sends them: speech-like and silent μ-law, numbered, base64. */
    private static String[] callerFrames() {
        String[] frames = new String[16];
        for (int i = 0; i < frames.length; i++) {
            String payload = Base64.getEncoder().encodeToString(signal(160, i < 10 ? 0x10 + i : 0xFF));
            frames[i] = "{\"event\":\"media\",\"sequenceNumber\":\"" + (i + 2)
                    + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\"" + (i + 1) + "\",\"timestamp\":\"" + (i * 20)
                    + "\",\"payload\":\"" + payload + "\"},\"streamSid\":\"MZwarmup\"}";
        }
        return frames;
    }

    private static byte[] signal(int length, int base) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (base + (i % 7) * ((base & 0x80) == 0 ? 9 : 0));
        }
        return bytes;
    }
}
