package com.spotfunnel.voice.pipeline.fakes;

import org.awaitility.Awaitility;

import com.spotfunnel.voice.events.bridge.BridgeCodec;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Plays voice-gateway on the bridge socket: sends CallStart, caller audio and control frames; records every
 * PipelineMessage; like the gateway after Twilio's mark echo, answers each finished utterance with Played
 * (unless told not to).
 */
public final class GatewayClient implements AutoCloseable {

    private static final Vertx VERTX = Vertx.vertx();
    private static final WebSocketClient CLIENT = VERTX.createWebSocketClient();
    public static final Duration WAIT = Duration.ofSeconds(15);

    private final List<PipelineMessage> received = new CopyOnWriteArrayList<>();
    private final WebSocket socket;
    public volatile boolean acknowledgePlayed = true;
    private volatile int receivedWhenClosed = -1;

    private GatewayClient(WebSocket socket) {
        this.socket = socket;
        socket.closeHandler(ignored -> receivedWhenClosed = received.size());
        socket.textMessageHandler(text -> {
            PipelineMessage message = BridgeCodec.readPipelineMessage(text)
                    .orElseThrow(() -> new AssertionError("unreadable pipeline frame: " + text));
            received.add(message);
            if (acknowledgePlayed && message instanceof PipelineMessage.AgentAudio audio && audio.last()) {
                socket.writeTextMessage(BridgeCodec.write(new GatewayMessage.Played(audio.utteranceId())));
            }
        });
    }

    public static GatewayClient connect(URI root, String callId, String tenantId) {
        return connect(root, callId, tenantId, true);
    }

    public static GatewayClient connect(URI root, String callId, String tenantId, boolean acknowledgePlayed) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(root.getHost()).setPort(root.getPort())
                .setURI("/calls/" + callId);
        try {
            WebSocket socket = CLIENT.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            GatewayClient client = new GatewayClient(socket);
            client.acknowledgePlayed = acknowledgePlayed;
            client.send(new GatewayMessage.CallStart(callId, tenantId, "CA" + "0".repeat(32), "MZ" + "0".repeat(32),
                    "+15550001111", "+15550002222"));
            return client;
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to the pipeline", e);
        }
    }

    public void send(GatewayMessage message) {
        socket.writeTextMessage(BridgeCodec.write(message));
    }

    /** A raw text message, split by the client into frames of at most its frame size. */
    public void sendText(String text) {
        socket.writeTextMessage(text);
    }

    /** Caller audio in 20 ms frames of loud-ish μ-law. */
    public void sendAudio(int bytes) {
        for (int sent = 0; sent < bytes; sent += 160) {
            byte[] frame = new byte[Math.min(160, bytes - sent)];
            java.util.Arrays.fill(frame, (byte) 0x10);
            socket.writeBinaryMessage(Buffer.buffer(frame));
        }
    }

    /** Caller silence (μ-law 0xFF is zero) in 20 ms frames. */
    public void sendSilence(int bytes) {
        for (int sent = 0; sent < bytes; sent += 160) {
            byte[] frame = new byte[Math.min(160, bytes - sent)];
            java.util.Arrays.fill(frame, (byte) 0xFF);
            socket.writeBinaryMessage(Buffer.buffer(frame));
        }
    }

    public List<PipelineMessage> received() {
        return List.copyOf(received);
    }

    /** Whether the socket has closed (by either side). */
    public boolean isClosed() {
        return receivedWhenClosed >= 0;
    }

    /** How many messages had arrived when the socket closed, or -1 while it is open. */
    public int receivedWhenClosed() {
        return receivedWhenClosed;
    }

    public <T extends PipelineMessage> List<T> all(Class<T> type) {
        List<T> matching = new ArrayList<>();
        received.forEach(m -> {
            if (type.isInstance(m)) {
                matching.add(type.cast(m));
            }
        });
        return matching;
    }

    public <T extends PipelineMessage> T await(Class<T> type, Predicate<T> condition) {
        Awaitility.await().pollInterval(Duration.ofMillis(20)).atMost(WAIT).until(() -> all(type).stream().anyMatch(condition));
        return all(type).stream().filter(condition).findFirst().orElseThrow();
    }

    /** Waits for the n-th utterance (from 1) to be fully sent, and returns its id. */
    public String awaitUtterances(int n) {
        Awaitility.await().pollInterval(Duration.ofMillis(20)).atMost(WAIT).until(() -> all(PipelineMessage.AgentAudio.class).stream().filter(PipelineMessage.AgentAudio::last)
                .count() >= n);
        return all(PipelineMessage.AgentAudio.class).stream().filter(PipelineMessage.AgentAudio::last).skip(n - 1)
                .findFirst().orElseThrow().utteranceId();
    }

    public TranscriptTurn awaitTurn(Speaker speaker, int turnIndex) {
        return await(PipelineMessage.Transcript.class,
                t -> t.turn().speaker() == speaker && t.turn().turnIndex() == turnIndex).turn();
    }

    public int audioBytes(String utteranceId) {
        return all(PipelineMessage.AgentAudio.class).stream().filter(a -> a.utteranceId().equals(utteranceId))
                .mapToInt(a -> a.audio().length).sum();
    }

    public PipelineMessage.Failed awaitFailed() {
        return await(PipelineMessage.Failed.class, f -> true);
    }

    @Override
    public void close() {
        socket.close();
    }
}
