package com.spotfunnel.voice.pipeline.fakes;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Deepgram live endpoint speaking the real wire format: {@code Authorization: Token}, binary μ-law in,
 * {@code SpeechStarted} on the first audio of an utterance, an interim {@code Results} ({@code is_final: false})
 * once {@link #INTERIM_BYTES} arrived and a final one with {@code speech_final: true} once {@link #UTTERANCE_BYTES}
 * arrived. The transcripts come from a queue the tests fill; an empty queue says "What are your opening hours?".
 * The interim words are the final ones, as they usually are by the time a caller stops, unless a test sets others.
 */
public final class DeepgramFake {

    public static final int UTTERANCE_BYTES = 4000;
    public static final int INTERIM_BYTES = UTTERANCE_BYTES / 2;
    private static final String DEFAULT_LINE = "What are your opening hours?";
    public static final String KEY = "test-deepgram-key";
    /** The models the live endpoint serves; any other is refused at the handshake with 400, as Deepgram does. */
    public static final java.util.Set<String> MODELS = java.util.Set.of("nova-3", "nova-3-multilingual", "nova-2");

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Queue<String> transcripts = new ConcurrentLinkedQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final java.util.Set<ServerWebSocket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger rejected = new AtomicInteger();
    private volatile boolean reject;
    private volatile String interim;
    private volatile String lastQuery;
    private volatile String lastWords;
    private volatile long closeStreamDelayMs = 200;

    public DeepgramFake() {
        server = vertx.createHttpServer().webSocketHandler(this::onSocket);
        try {
            server.listen(0, "localhost")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "ws://localhost:" + server.actualPort() + "/v1/listen";
    }

    public void reset() {
        transcripts.clear();
        interim = null;
        lastWords = null;
        reject = false;
        connections.set(0);
        rejected.set(0);
    }

    public void say(String... lines) {
        transcripts.addAll(java.util.List.of(lines));
    }

    /** The next utterance's interim result says these words instead of the final ones. */
    public void hearFirst(String words) {
        interim = words;
    }

    /** What the caller's last, not yet endpointed words are, finalized only after CloseStream. */
    public void lastWords(String words) {
        lastWords = words;
    }

    public void rejectConnections(boolean reject) {
        this.reject = reject;
    }

    public int connections() {
        return connections.get();
    }

    public int rejected() {
        return rejected.get();
    }

    public String lastQuery() {
        return lastQuery;
    }

    /** Drops every open stream, as a provider outage would. */
    public void dropAll() {
        open.forEach(ServerWebSocket::close);
    }

    public void stop() {
        vertx.close();
    }

    private void onSocket(ServerWebSocket socket) {
        lastQuery = socket.query();
        if (reject
                || !("Token " + KEY).equals(socket.headers().get("Authorization"))
                || !socket.path().equals("/v1/listen")) {
            rejected.incrementAndGet();
            socket.reject(reject ? 503 : 401);
            return;
        }
        if (!MODELS.contains(queryParam(socket.query(), "model"))) {
            rejected.incrementAndGet();
            socket.reject(400);
            return;
        }
        connections.incrementAndGet();
        open.add(socket);
        socket.closeHandler(v -> open.remove(socket));
        int[] bytes = {0};
        double[] clock = {0};
        socket.binaryMessageHandler(buffer -> {
            if (bytes[0] == 0) {
                socket.writeTextMessage(new JsonObject()
                        .put("type", "SpeechStarted")
                        .put("channel", new JsonArray().add(0))
                        .put("timestamp", clock[0])
                        .encode());
            }
            int before = bytes[0];
            bytes[0] += buffer.length();
            if (before < INTERIM_BYTES && bytes[0] >= INTERIM_BYTES && bytes[0] < UTTERANCE_BYTES) {
                String next = transcripts.peek();
                String heard = interim != null ? interim : next == null ? DEFAULT_LINE : next;
                interim = null;
                socket.writeTextMessage(results(heard, clock[0], bytes[0] / 8000.0, false, false));
            }
            if (bytes[0] >= UTTERANCE_BYTES) {
                double duration = bytes[0] / 8000.0;
                String text = transcripts.poll();
                socket.writeTextMessage(results(text == null ? DEFAULT_LINE : text, clock[0], duration, true, true));
                clock[0] += duration;
                bytes[0] = 0;
            }
        });
        socket.textMessageHandler(text -> {
            if (text.contains("CloseStream")) {
                // As Deepgram does: the audio it still holds is finalized and sent, then Metadata, then it closes.
                vertx.setTimer(closeStreamDelayMs, id -> {
                    if (bytes[0] > 0) {
                        String heard = lastWords != null ? lastWords : DEFAULT_LINE;
                        socket.writeTextMessage(results(heard, clock[0], bytes[0] / 8000.0, true, false));
                    }
                    socket.writeTextMessage(new JsonObject()
                            .put("type", "Metadata")
                            .put("request_id", java.util.UUID.randomUUID().toString())
                            .put("duration", clock[0] + bytes[0] / 8000.0)
                            .put("channels", 1)
                            .encode());
                    socket.close();
                });
            }
        });
    }

    private static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static String results(
            String transcript, double start, double duration, boolean isFinal, boolean speechFinal) {
        JsonObject alternative = new JsonObject()
                .put("transcript", transcript)
                .put("confidence", 0.98)
                .put("words", new JsonArray());
        return new JsonObject()
                .put("type", "Results")
                .put("channel_index", new JsonArray().add(0).add(1))
                .put("duration", duration)
                .put("start", start)
                .put("is_final", isFinal)
                .put("speech_final", speechFinal)
                .put("channel", new JsonObject().put("alternatives", new JsonArray().add(alternative)))
                .encode();
    }
}
