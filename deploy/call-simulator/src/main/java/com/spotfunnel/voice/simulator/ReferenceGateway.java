package com.spotfunnel.voice.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gateway that does nothing but speak Twilio's protocol: the yardstick of the side-by-side benchmark
 * ({@code deploy/bench/voice-side-by-side}). It answers the signed {@code /twilio/voice} webhook with
 * {@code <Connect><Stream>} TwiML, accepts the signed Media Streams WebSocket, greets, detects the end of each
 * caller utterance the way the simulated recognizer does ({@link UtteranceDetector}), and after a fixed pause
 * answers with fixed μ-law audio followed by a mark. It tracks the marks Twilio echoes (what has been played) and
 * sends {@code clear} when the caller starts speaking over unplayed audio. No AI, no Kafka, no database: whatever
 * the platform costs beyond this is the platform's.
 *
 * <p>Settings: {@code publicBaseUrl} is what Twilio signs (null: {@code http://localhost:<port>});
 * {@code answerPause} the fixed pause between the end of an utterance and the answer's first audio
 * {@code answerLength} how much audio each answer (and the greeting) carries; {@code silence} the recognizer's
 * endpoint.
 */
public final class ReferenceGateway implements AutoCloseable {

    public record Settings(
            String publicBaseUrl, String authToken, Duration answerPause, Duration answerLength, Duration silence) {}

    /** 200 ms of audio per media message, like the simulated TTS's chunks. */
    private static final int CHUNK_BYTES = 1600;

    private final Vertx vertx;
    private final Settings settings;
    private final List<String> answerChunks;
    private HttpServer server;
    private String publicBaseUrl;

    private ReferenceGateway(Vertx vertx, Settings settings) {
        this.vertx = vertx;
        this.settings = settings;
        this.answerChunks = chunks(answerAudio(settings.answerLength()));
    }

    /** Listens on {@code port} (0: any free port) with one event loop per core. */
    public static ReferenceGateway start(int port, Settings settings) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(Math.max(1, Runtime.getRuntime().availableProcessors())));
        ReferenceGateway gateway = new ReferenceGateway(vertx, settings);
        gateway.server = vertx.createHttpServer()
                .requestHandler(gateway::handle)
                .listen(port)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        gateway.publicBaseUrl = settings.publicBaseUrl() != null
                ? settings.publicBaseUrl()
                : "http://localhost:" + gateway.server.actualPort();
        return gateway;
    }

    public int port() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        if (request.method() == HttpMethod.POST && request.path().equals("/twilio/voice")) {
            request.body().onSuccess(body -> voice(request, form(body.toString())));
        } else if (request.path().equals("/twilio/media")
                && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            if (!signed(request.getHeader("X-Twilio-Signature"), streamUrl(), Map.of())) {
                request.response().setStatusCode(403).end();
                return;
            }
            request.toWebSocket().onSuccess(socket -> new Stream(socket).begin());
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    private void voice(HttpServerRequest request, Map<String, String> params) {
        if (!signed(request.getHeader("X-Twilio-Signature"), publicBaseUrl + "/twilio/voice", params)) {
            request.response().setStatusCode(403).end("invalid Twilio signature");
            return;
        }
        String callSid = params.getOrDefault("CallSid", "").replaceAll("[^A-Za-z0-9]", "");
        request.response()
                .putHeader("Content-Type", "text/xml")
                .end("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Connect><Stream url=\"" + streamUrl()
                        + "\"><Parameter name=\"callSid\" value=\"" + callSid
                        + "\"/></Stream></Connect></Response>");
    }

    private String streamUrl() {
        return publicBaseUrl.replaceFirst("^http", "ws") + "/twilio/media";
    }

    private boolean signed(String signature, String url, Map<String, String> params) {
        return signature != null
                && MessageDigest.isEqual(
                        signature.getBytes(StandardCharsets.UTF_8),
                        TwilioSignature.sign(settings.authToken(), url, params).getBytes(StandardCharsets.UTF_8));
    }

    /** One call's Media Stream; runs on the event loop its socket belongs to, so it needs no locks. */
    private final class Stream {
        private final ServerWebSocket socket;
        private final UtteranceDetector detector = new UtteranceDetector(
                UtteranceDetector.DEFAULT_ENERGY_THRESHOLD, settings.silence().toMillis());
        private String streamSid;
        private int marksSent;
        private int marksPlayed;
        private long answerTimer = -1;

        Stream(ServerWebSocket socket) {
            this.socket = socket;
        }

        void begin() {
            socket.textMessageHandler(this::onMessage);
            socket.closeHandler(ignored -> cancelAnswer());
            socket.exceptionHandler(ignored -> socket.close());
        }

        private void onMessage(String text) {
            JsonObject message = new JsonObject(text);
            switch (message.getString("event", "")) {
                case "start" -> {
                    streamSid = message.getString("streamSid");
                    answer(); // the greeting
                }
                case "media" ->
                    onAudio(Base64.getDecoder()
                            .decode(message.getJsonObject("media").getString("payload", "")));
                case "mark" -> marksPlayed++;
                case "stop" -> socket.close();
                default -> {
                    // "connected", "dtmf": nothing to do
                }
            }
        }

        private void onAudio(byte[] audio) {
            switch (detector.accept(audio)) {
                case SPEECH_STARTED -> {
                    if (marksPlayed < marksSent || answerTimer >= 0) {
                        cancelAnswer(); // barge-in: drop what Twilio still has buffered
                        marksPlayed = marksSent;
                        send("{\"event\":\"clear\",\"streamSid\":\"" + streamSid + "\"}");
                    }
                }
                case UTTERANCE_ENDED -> {
                    if (settings.answerPause().isZero()) {
                        answer();
                    } else {
                        answerTimer = vertx.setTimer(settings.answerPause().toMillis(), ignored -> {
                            answerTimer = -1;
                            answer();
                        });
                    }
                }
                case NONE -> {
                    // still speaking, or still quiet
                }
            }
        }

        private void answer() {
            for (String chunk : answerChunks) {
                send("{\"event\":\"media\",\"streamSid\":\"" + streamSid + "\",\"media\":{\"payload\":\"" + chunk
                        + "\"}}");
            }
            send("{\"event\":\"mark\",\"streamSid\":\"" + streamSid + "\",\"mark\":{\"name\":\"answer-" + (++marksSent)
                    + "\"}}");
        }

        private void cancelAnswer() {
            if (answerTimer >= 0) {
                vertx.cancelTimer(answerTimer);
                answerTimer = -1;
            }
        }

        private void send(String message) {
            if (!socket.isClosed()) {
                socket.writeTextMessage(message);
            }
        }
    }

    /** A tone loud enough to be heard as speech, from the caller's own signal. */
    private static byte[] answerAudio(Duration length) {
        int frames = (int) Math.max(1, length.toMillis() / CallerAudio.FRAME_MILLIS);
        byte[] audio = new byte[frames * CallerAudio.FRAME_BYTES];
        for (int i = 0; i < frames; i++) {
            System.arraycopy(CallerAudio.speech(i), 0, audio, i * CallerAudio.FRAME_BYTES, CallerAudio.FRAME_BYTES);
        }
        return audio;
    }

    /** Base64 payloads of {@link #CHUNK_BYTES}, encoded once: every answer sends the same audio. */
    private static List<String> chunks(byte[] audio) {
        List<String> chunks = new ArrayList<>();
        for (int offset = 0; offset < audio.length; offset += CHUNK_BYTES) {
            int length = Math.min(CHUNK_BYTES, audio.length - offset);
            byte[] chunk = new byte[length];
            System.arraycopy(audio, offset, chunk, 0, length);
            chunks.add(Base64.getEncoder().encodeToString(chunk));
        }
        return List.copyOf(chunks);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing on the way out: nothing left to do with a failure
        }
    }
}
