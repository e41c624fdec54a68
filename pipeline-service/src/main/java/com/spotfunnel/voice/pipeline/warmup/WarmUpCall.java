package com.spotfunnel.voice.pipeline.warmup;

import com.spotfunnel.voice.events.bridge.BridgeCodec;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.pipeline.stt.SttListener;
import com.spotfunnel.voice.pipeline.stt.SttProvider;
import com.spotfunnel.voice.pipeline.stt.SttSession;
import com.spotfunnel.voice.pipeline.tts.TtsProvider;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One synthetic call of the {@link WarmUp}, over a real socket on this process's loopback: a gateway stand-in sends
 * {@code CallStart}, 20 ms μ-law frames (1.2 s of speech, 0.8 s of silence, over and over) as binary frames and
 * {@code Played} for each answer; the pipeline side reads the bridge JSON, feeds the audio to the simulated
 * recognizer, answers each utterance with the simulated voice's audio in bridge JSON, which the stand-in reads. No
 * conversation: no tenant, no knowledge search, no event, no call meter.
 */
final class WarmUpCall {

    private static final int SPEECH_FRAMES = 60;
    private static final int CYCLE_FRAMES = 100;
    private static final int FRAMES_PER_TURN = 64;
    private static final Buffer SPEECH = frame((byte) 0x20);
    private static final Buffer SILENCE = frame((byte) 0xFF);
    private static final String ANSWER = "Thanks for calling, how can I help you today?";

    /** What the warm-up did, for its log line and readiness data; {@link #stop} hangs the synthetic calls up. */
    static final class Counters {
        private final AtomicLong callerFrames = new AtomicLong();
        private final AtomicLong answers = new AtomicLong();
        private volatile boolean stopped;

        long callerFrames() {
            return callerFrames.get();
        }

        long answers() {
            return answers.get();
        }

        void stop() {
            stopped = true;
        }
    }

    private WarmUpCall() {}

    /** The gateway stand-in: completes when the pipeline side has closed the socket after the hang-up. */
    static Future<Void> call(WebSocketClient client, int port, int frames, Counters counters) {
        Promise<Void> done = Promise.promise();
        client.connect(port, WarmUp.LOOPBACK, "/calls/warm-up").onComplete(connected -> {
            if (connected.failed()) {
                done.tryFail(connected.cause());
                return;
            }
            WebSocket pipeline = connected.result();
            pipeline.closeHandler(ignored -> done.tryComplete());
            pipeline.exceptionHandler(done::tryFail);
            pipeline.textMessageHandler(text -> BridgeCodec.readPipelineMessage(text)
                    .filter(message -> message instanceof PipelineMessage.AgentAudio audio && audio.last())
                    .ifPresent(last -> write(
                            pipeline,
                            BridgeCodec.write(
                                    new GatewayMessage.Played(((PipelineMessage.AgentAudio) last).utteranceId())))));
            pipeline.writeTextMessage(BridgeCodec.write(
                    new GatewayMessage.CallStart("warm-up", "warm-up", "CAwarmup", "MZwarmup", null, null)));
            send(Vertx.currentContext().owner(), pipeline, 0, frames, counters);
        });
        return done.future();
    }

    /** Sends frames in batches, one batch per event-loop turn, waiting whenever the socket's queue is full. */
    private static void send(Vertx vertx, WebSocket pipeline, int sent, int frames, Counters counters) {
        if (pipeline.isClosed()) {
            return;
        }
        int next = sent;
        while (next < frames && next - sent < FRAMES_PER_TURN && !counters.stopped) {
            if (pipeline.writeQueueFull()) {
                int from = next;
                pipeline.drainHandler(ignored -> send(vertx, pipeline, from, frames, counters));
                return;
            }
            pipeline.writeBinaryMessage(next % CYCLE_FRAMES < SPEECH_FRAMES ? SPEECH : SILENCE);
            next++;
        }
        if (next < frames && !counters.stopped) {
            int from = next;
            vertx.runOnContext(ignored -> send(vertx, pipeline, from, frames, counters));
        } else {
            pipeline.writeTextMessage(BridgeCodec.write(new GatewayMessage.CallerHangup("warm-up")));
        }
    }

    /** The pipeline side of a synthetic call. */
    static void serve(ServerWebSocket gateway, SttProvider stt, TtsProvider tts, Counters counters) {
        SttSession[] session = {null};
        int[] utterances = {0};
        // The gateway stand-in does not wait; the pipeline side reads nothing until the recognizer is open.
        gateway.pause();
        SttListener listener = new SttListener() {
            @Override
            public void onSpeechStarted() {}

            @Override
            public void onUtterance(String transcript) {
                String utteranceId = "warm-up-" + (++utterances[0]);
                tts.synthesize(ANSWER, "warm-up")
                        .onItem()
                        .transformToMulti(chunks -> chunks)
                        .subscribe()
                        .with(
                                chunk -> write(
                                        gateway,
                                        BridgeCodec.write(new PipelineMessage.AgentAudio(utteranceId, chunk, false))),
                                failure -> {},
                                () -> {
                                    counters.answers.incrementAndGet();
                                    write(
                                            gateway,
                                            BridgeCodec.write(
                                                    new PipelineMessage.AgentAudio(utteranceId, new byte[0], true)));
                                });
            }

            @Override
            public void onSessionFailed(Throwable failure) {}
        };
        stt.open(listener)
                .subscribe()
                .with(
                        opened -> {
                            session[0] = opened;
                            gateway.resume();
                        },
                        failure -> gateway.close());
        gateway.binaryMessageHandler(audio -> {
            counters.callerFrames.incrementAndGet();
            session[0].send(audio.getBytes());
        });
        gateway.textMessageHandler(text -> {
            if (BridgeCodec.readGatewayMessage(text).orElse(null) instanceof GatewayMessage.CallerHangup) {
                session[0].close();
                gateway.close();
            }
        });
    }

    private static void write(ServerWebSocket socket, String text) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(text);
        }
    }

    private static void write(WebSocket socket, String text) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(text);
        }
    }

    private static Buffer frame(byte sample) {
        byte[] bytes = new byte[160];
        java.util.Arrays.fill(bytes, sample);
        return Buffer.buffer(bytes);
    }
}
