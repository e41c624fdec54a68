package com.spotfunnel.voice.pipeline.fakes;

import com.spotfunnel.voice.events.bridge.BridgeCodec;
import com.spotfunnel.voice.events.bridge.CallToken;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plays voice-gateway on the bridge socket: sends CallStart, caller audio and control frames; records every
 * PipelineMessage; like the gateway after Twilio's mark echo, answers each finished utterance with Played
 * (unless told not to).
 */
public final class GatewayClient implements AutoCloseable {

    private static final Vertx VERTX = Vertx.vertx();
    /** Unmasked frames, as voice-gateway sends them (gateway.pipeline-unmasked-frames): the pipeline must accept them. */
    private static final WebSocketClient CLIENT =
            VERTX.createWebSocketClient(new WebSocketClientOptions().setSendUnmaskedFrames(true));

    public static final Duration WAIT = Duration.ofSeconds(15);

    private final List<PipelineMessage> received = new CopyOnWriteArrayList<>();
    /** When each message of {@link #received} arrived ({@code System.nanoTime}), same order. */
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();

    private final WebSocket socket;
    public volatile boolean acknowledgePlayed = true;
    private volatile int receivedWhenClosed = -1;

    private GatewayClient(WebSocket socket) {
        this.socket = socket;
        socket.closeHandler(ignored -> receivedWhenClosed = received.size());
        socket.textMessageHandler(text -> {
            PipelineMessage message = BridgeCodec.readPipelineMessage(text)
                    .orElseThrow(() -> new AssertionError("unreadable pipeline frame: " + text));
            arrivals.add(System.nanoTime());
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
        GatewayMessage.CallStart start = start(callId, tenantId);
        GatewayClient client = open(root, callId, token(start));
        client.acknowledgePlayed = acknowledgePlayed;
        client.send(start);
        return client;
    }

    /** A call from this caller's number. */
    public static GatewayClient connectFrom(URI root, String callId, String tenantId, String callerPhone) {
        GatewayMessage.CallStart start = new GatewayMessage.CallStart(
                callId, tenantId, "CA" + "0".repeat(32), "MZ" + "0".repeat(32), callerPhone, "+15550002222");
        GatewayClient client = open(root, callId, token(start));
        client.send(start);
        return client;
    }

    /** A start as the gateway sends it for a call to this tenant. */
    public static GatewayMessage.CallStart start(String callId, String tenantId) {
        return new GatewayMessage.CallStart(
                callId, tenantId, "CA" + "0".repeat(32), "MZ" + "0".repeat(32), "+15550001111", "+15550002222");
    }

    /** The token voice-gateway would mint for this start, signed with the test profile's shared secret. */
    public static String token(GatewayMessage.CallStart start) {
        return new CallToken(ConfigProvider.getConfig().getValue("pipeline.calls.token-secret", String.class))
                .mint(start, Instant.now(), Duration.ofSeconds(30));
    }

    /** Opens a call's socket with this token (none when null); nothing is sent yet. */
    public static GatewayClient open(URI root, String callId, String token) {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(root.getHost())
                .setPort(root.getPort())
                .setURI("/calls/" + callId);
        if (token != null) {
            options.addHeader(CallToken.HEADER, token);
        }
        try {
            return new GatewayClient(CLIENT.connect(options)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to the pipeline", e);
        }
    }

    /** The HTTP status the upgrade of a call's socket with this token (none when null) is answered with. */
    public static int upgradeStatus(URI root, String callId, String token) {
        try (GatewayClient ignored = open(root, callId, token)) {
            return 101;
        } catch (IllegalStateException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof UpgradeRejectedException rejected) {
                    return rejected.getStatus();
                }
            }
            throw e;
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

    /** When the {@code index}-th received message arrived ({@code System.nanoTime}). */
    public long arrivalNanos(int index) {
        return arrivals.get(index);
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
        Awaitility.await()
                .pollInterval(Duration.ofMillis(20))
                .atMost(WAIT)
                .until(() -> all(type).stream().anyMatch(condition));
        return all(type).stream().filter(condition).findFirst().orElseThrow();
    }

    /** Waits for the n-th utterance (from 1) to be fully sent, and returns its id. */
    public String awaitUtterances(int n) {
        Awaitility.await()
                .pollInterval(Duration.ofMillis(20))
                .atMost(WAIT)
                .until(() -> all(PipelineMessage.AgentAudio.class).stream()
                                .filter(PipelineMessage.AgentAudio::last)
                                .count()
                        >= n);
        return all(PipelineMessage.AgentAudio.class).stream()
                .filter(PipelineMessage.AgentAudio::last)
                .skip(n - 1)
                .findFirst()
                .orElseThrow()
                .utteranceId();
    }

    public TranscriptTurn awaitTurn(Speaker speaker, int turnIndex) {
        return await(
                        PipelineMessage.Transcript.class,
                        t -> t.turn().speaker() == speaker && t.turn().turnIndex() == turnIndex)
                .turn();
    }

    public int audioBytes(String utteranceId) {
        return all(PipelineMessage.AgentAudio.class).stream()
                .filter(a -> a.utteranceId().equals(utteranceId))
                .mapToInt(a -> a.audio().length)
                .sum();
    }

    public PipelineMessage.Failed awaitFailed() {
        return await(PipelineMessage.Failed.class, f -> true);
    }

    @Override
    public void close() {
        socket.close();
    }
}
