package com.spotfunnel.voice.pipeline.stt;

import com.spotfunnel.voice.pipeline.config.ProvidersConfig;
import com.spotfunnel.voice.pipeline.provider.ProviderException;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Deepgram live transcription over a WebSocket: μ-law 8 kHz in, {@code Results} / {@code SpeechStarted} out.
 * An utterance ends on {@code speech_final: true} (endpointing) or {@code UtteranceEnd}; final segments before
 * it are joined. Interim results ({@code is_final: false}) and finalized segments before the endpoint are passed
 * on as what was heard so far. The guards wrap the handshake. {@link SttSession#close} sends CloseStream and waits
 * (up to {@code pipeline.providers.deepgram.close-timeout}) for the final results and Metadata Deepgram sends after
 * it; words finalized then reach the listener as a last utterance before the socket closes, and
 * {@link SttSession#finish} completes after them.
 */
@ApplicationScoped
public class DeepgramStt implements SttProvider {

    private static final Logger LOG = Logger.getLogger(DeepgramStt.class);

    private final Vertx vertx;
    private final WebSocketClient client;
    private final ProvidersConfig.Deepgram config;

    public DeepgramStt(Vertx vertx, ProvidersConfig providers) {
        this.vertx = vertx;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20));
        this.config = providers.deepgram();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public String name() {
        return "deepgram";
    }

    @Override
    public String model() {
        return config.model();
    }

    @Override
    @NonBlocking
    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 100, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000, successThreshold = 1)
    @CircuitBreakerName("deepgram-stt")
    public Uni<SttSession> open(SttListener listener) {
        String url = config.url() + "?model=" + config.model()
                + "&encoding=mulaw&sample_rate=8000&channels=1&interim_results=true&vad_events=true"
                + "&endpointing=" + config.endpointingMs() + "&utterance_end_ms=" + config.utteranceEndMs();
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setAbsoluteURI(url)
                .addHeader("Authorization", "Token " + config.apiKey().orElse(""));
        return Uni.createFrom()
                .emitter(emitter -> client.connect(options).onComplete(connected -> {
                    if (connected.failed()) {
                        Throwable cause = connected.cause();
                        emitter.fail(
                                cause instanceof UpgradeRejectedException rejected
                                        ? ProviderException.forStatus(rejected.getStatus())
                                        : new ProviderException("connect", cause.getMessage(), cause));
                        return;
                    }
                    emitter.complete(new Session(connected.result(), listener));
                }));
    }

    private final class Session implements SttSession {
        private final WebSocket socket;
        private final SttListener listener;
        private final StringBuilder utterance = new StringBuilder();
        private final long keepAliveTimer;
        private volatile boolean closed;
        /** After CloseStream: Deepgram still sends the last results and a Metadata message, then closes. */
        private volatile boolean draining;
        /** Completes when the stream is over: the drain after CloseStream ended (or close-timeout), or it broke. */
        private final CompletableFuture<Void> over = new CompletableFuture<>();

        Session(WebSocket socket, SttListener listener) {
            this.socket = socket;
            this.listener = listener;
            socket.textMessageHandler(this::onMessage);
            socket.closeHandler(v -> {
                if (draining) {
                    finishDrain();
                } else {
                    fail("stream closed by Deepgram");
                }
            });
            socket.exceptionHandler(t -> fail("stream broke: " + t.getClass().getSimpleName()));
            this.keepAliveTimer = vertx.setPeriodic(
                    config.keepAlive().toMillis(), id -> socket.writeTextMessage("{\"type\":\"KeepAlive\"}"));
        }

        @Override
        public void send(byte[] audio) {
            if (!closed) {
                socket.writeBinaryMessage(Buffer.buffer(audio));
            }
        }

        @Override
        public Uni<Void> finish() {
            close();
            return Uni.createFrom().completionStage(over);
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            draining = true;
            vertx.cancelTimer(keepAliveTimer);
            // Deepgram answers CloseStream with the final results of the audio it still holds (the caller's last
            // words) and a Metadata message, then closes: wait for them, bounded by close-timeout.
            socket.writeTextMessage("{\"type\":\"CloseStream\"}");
            vertx.setTimer(config.closeTimeout().toMillis(), id -> finishDrain());
        }

        /** The last words (if any) go to the listener once, then the socket is closed. */
        private void finishDrain() {
            synchronized (this) {
                if (!draining) {
                    return;
                }
                draining = false;
            }
            endUtterance();
            if (!socket.isClosed()) {
                socket.close();
            }
            over.complete(null);
        }

        private void fail(String why) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            vertx.cancelTimer(keepAliveTimer);
            over.complete(null);
            listener.onSessionFailed(new ProviderException("stream_cut", why));
        }

        private void onMessage(String text) {
            JsonObject message;
            try {
                message = new JsonObject(text);
            } catch (RuntimeException e) {
                LOG.debug("Unreadable Deepgram message ignored");
                return;
            }
            switch (message.getString("type", "")) {
                case "SpeechStarted" -> listener.onSpeechStarted();
                case "Results" -> onResults(message);
                case "UtteranceEnd" -> endUtterance();
                case "Metadata" -> {
                    if (draining) {
                        finishDrain();
                    }
                }
                default -> {}
            }
        }

        private void onResults(JsonObject results) {
            var alternatives =
                    results.getJsonObject("channel", new JsonObject()).getJsonArray("alternatives");
            String transcript = alternatives == null || alternatives.isEmpty()
                    ? ""
                    : alternatives.getJsonObject(0).getString("transcript", "");
            boolean isFinal = results.getBoolean("is_final", false);
            if (!transcript.isBlank() && !isFinal) {
                listener.onSpeechStarted();
            }
            if (isFinal && !transcript.isBlank()) {
                if (utterance.length() > 0) {
                    utterance.append(' ');
                }
                utterance.append(transcript.strip());
            }
            if (results.getBoolean("speech_final", false)) {
                endUtterance();
            } else if (!transcript.isBlank()) {
                // the finalized segments so far, plus the interim words of the segment still being spoken
                listener.onPartial(isFinal ? utterance.toString() : joined(utterance, transcript.strip()));
            }
        }

        private static String joined(CharSequence finalized, String interim) {
            return finalized.length() == 0 ? interim : finalized + " " + interim;
        }

        private void endUtterance() {
            if (utterance.length() > 0) {
                String text = utterance.toString();
                utterance.setLength(0);
                listener.onUtterance(text);
            }
        }
    }
}
