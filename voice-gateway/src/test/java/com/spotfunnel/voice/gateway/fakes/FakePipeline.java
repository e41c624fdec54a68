package com.spotfunnel.voice.gateway.fakes;

import com.spotfunnel.voice.events.bridge.BridgeCodec;
import com.spotfunnel.voice.events.bridge.CallToken;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A stand-in for pipeline-service: a Vert.x WebSocket server at {@code /calls/{callId}} speaking the bridge
 * protocol. Tests read what the gateway sent and script what the "pipeline" answers.
 */
public final class FakePipeline {

    private static FakePipeline instance;

    private final Vertx vertx = Vertx.vertx();
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final HttpServer server;
    private volatile boolean atCapacity;

    private FakePipeline() throws Exception {
        // Like pipeline-service (UnmaskedFramesAccepted): the gateway sends its frames unmasked.
        server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions().setAcceptUnmaskedFrames(true))
                .webSocketHandler(this::accept)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    public static synchronized FakePipeline get() {
        if (instance == null) {
            try {
                instance = new FakePipeline();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public int port() {
        return server.actualPort();
    }

    /** Answers every new call socket's upgrade 503, as pipeline-service past its live-conversation limit does. */
    public void atCapacity(boolean atCapacity) {
        this.atCapacity = atCapacity;
    }

    private void accept(ServerWebSocket socket) {
        if (!socket.path().startsWith("/calls/")) {
            socket.reject(404);
            return;
        }
        if (atCapacity) {
            socket.reject(503);
            return;
        }
        String callId = socket.path().substring("/calls/".length());
        Call call = new Call(socket);
        call.callToken = socket.headers().get(CallToken.HEADER);
        calls.put(callId, call);
        socket.textMessageHandler(text -> {
            GatewayMessage message = BridgeCodec.readGatewayMessage(text)
                    .orElseThrow(() -> new AssertionError("not a GatewayMessage: " + text));
            call.received.add(message);
            if (message instanceof GatewayMessage.CallerHangup) {
                call.hungUp(message);
            }
        });
        socket.binaryMessageHandler(buffer -> call.audio(buffer.getBytes()));
        socket.closeHandler(ignored -> {
            call.closedNanos = System.nanoTime();
            call.closed = true;
        });
    }

    /** Whether the gateway ever opened a socket for this call. */
    public boolean hasCall(String callId) {
        return calls.containsKey(callId);
    }

    public Call awaitCall(String callId) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calls.containsKey(callId));
        return calls.get(callId);
    }

    /** One call's socket as the pipeline sees it. */
    public static final class Call {

        private final ServerWebSocket socket;
        final BlockingQueue<GatewayMessage> received = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
        private int audioFrames;
        volatile boolean closed;
        private volatile String callToken;
        private volatile List<PipelineMessage> hangupReplies;
        private volatile boolean closeAfterHangup;
        private volatile long hangupReceivedNanos = -1;
        private volatile long closedNanos = -1;

        Call(ServerWebSocket socket) {
            this.socket = socket;
        }

        private synchronized void audio(byte[] bytes) {
            audio.writeBytes(bytes);
            audioFrames++;
        }

        public synchronized byte[] audioReceived() {
            return audio.toByteArray();
        }

        public synchronized int audioFrames() {
            return audioFrames;
        }

        /**
         * Scripts what this "pipeline" does on CallerHangup, like pipeline-service: sends {@code replies} at once
         * (on the socket's event loop), then closes the socket if {@code close}.
         */
        public void onCallerHangup(boolean close, PipelineMessage... replies) {
            this.hangupReplies = List.of(replies);
            this.closeAfterHangup = close;
        }

        private void hungUp(GatewayMessage message) {
            hangupReceivedNanos = System.nanoTime();
            List<PipelineMessage> replies = hangupReplies;
            if (replies != null) {
                replies.forEach(this::send);
                if (closeAfterHangup) {
                    socket.close();
                }
            }
        }

        /** When CallerHangup arrived (System.nanoTime), or -1. */
        public long hangupReceivedNanos() {
            return hangupReceivedNanos;
        }

        public void send(PipelineMessage message) {
            socket.writeTextMessage(BridgeCodec.write(message));
        }

        /** The {@link CallToken} the gateway's upgrade request carried, or null. */
        public String callToken() {
            return callToken;
        }

        /** The pipeline dies: the socket closes without a word. */
        public void kill() {
            socket.close();
        }

        /** When the socket closed (System.nanoTime), or -1. */
        public long closedNanos() {
            return closedNanos;
        }

        public boolean isClosed() {
            return closed;
        }

        /** Waits for the next message of this kind, skipping others. */
        @SuppressWarnings("unchecked")
        public <T extends GatewayMessage> T await(Class<T> type, Predicate<T> matching) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            try {
                while (System.nanoTime() < deadline) {
                    GatewayMessage message = received.poll(100, TimeUnit.MILLISECONDS);
                    if (type.isInstance(message) && matching.test((T) message)) {
                        return (T) message;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new AssertionError("pipeline never received a " + type.getSimpleName());
        }

        public <T extends GatewayMessage> T await(Class<T> type) {
            return await(type, m -> true);
        }
    }
}
