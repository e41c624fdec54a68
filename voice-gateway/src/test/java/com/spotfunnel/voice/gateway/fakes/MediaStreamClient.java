package com.spotfunnel.voice.gateway.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Twilio's side of a Media Stream (shared/PROTOCOLS.md §3): sends connected/start/media/dtmf/mark/stop as
 * Twilio does, collects what the gateway sends, and echoes each mark at once (nothing stays buffered in
 * this simulator, so the mark's audio has "played" as soon as it arrived).
 */
public final class MediaStreamClient implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final List<JsonNode> all = new ArrayList<>();
    private final ByteArrayOutputStream agentAudio = new ByteArrayOutputStream();
    private final AtomicInteger sequence = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;
    private String streamSid;
    private String callSid;
    private Map<String, String> parameters = Map.of();
    private volatile boolean echoMarks = true;

    public static MediaStreamClient open(int port) throws Exception {
        MediaStreamClient client = new MediaStreamClient();
        client.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/twilio/media"), client)
                .get(10, TimeUnit.SECONDS);
        return client;
    }

    public String streamSid() {
        return streamSid;
    }

    /** Our callId, from the stream's {@code <Parameter>}s. */
    public String callId() {
        return parameters.get("callId");
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public void echoMarks(boolean echo) {
        this.echoMarks = echo;
    }

    public void connectedAndStart(String callSid, Map<String, String> customParameters) {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        this.streamSid = "MZ" + HexFormat.of().formatHex(bytes);
        this.callSid = callSid;
        this.parameters = Map.copyOf(customParameters);
        send("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
        ObjectNode start = event("start");
        ObjectNode body = start.putObject("start");
        body.put("accountSid", TwilioSimulator.ACCOUNT_SID)
                .put("streamSid", streamSid)
                .put("callSid", callSid);
        body.putArray("tracks").add("inbound");
        ObjectNode params = body.putObject("customParameters");
        customParameters.forEach(params::put);
        body.putObject("mediaFormat")
                .put("encoding", "audio/x-mulaw")
                .put("sampleRate", 8000)
                .put("channels", 1);
        send(start.toString());
    }

    public void media(byte[] mulaw) {
        ObjectNode media = event("media");
        int seq = sequence.get();
        media.putObject("media")
                .put("track", "inbound")
                .put("chunk", String.valueOf(seq))
                .put("timestamp", String.valueOf(seq * 20))
                .put("payload", Base64.getEncoder().encodeToString(mulaw));
        send(media.toString());
    }

    public void dtmf(String digit) {
        ObjectNode dtmf = event("dtmf");
        dtmf.putObject("dtmf").put("track", "inbound_track").put("digit", digit);
        send(dtmf.toString());
    }

    public void mark(String name) {
        ObjectNode mark = event("mark");
        mark.putObject("mark").put("name", name);
        send(mark.toString());
    }

    public void stop() {
        ObjectNode stop = event("stop");
        stop.putObject("stop").put("accountSid", TwilioSimulator.ACCOUNT_SID).put("callSid", callSid);
        send(stop.toString());
    }

    public synchronized void send(String text) {
        socket.sendText(text, true).join();
    }

    /** One text message sent as frames of {@code fragmentChars}; stops quietly once the gateway has closed. */
    public synchronized void sendFragmented(String text, int fragmentChars) {
        try {
            for (int from = 0; from < text.length(); from += fragmentChars) {
                int to = Math.min(text.length(), from + fragmentChars);
                socket.sendText(text.substring(from, to), to == text.length()).join();
            }
        } catch (java.util.concurrent.CompletionException closed) {
            // the gateway closed the socket mid-message: what the caller of this method is testing for
        }
    }

    public synchronized void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** The caller's line drops: the TCP connection goes without a stop message. */
    public void abort() {
        socket.abort();
    }

    public boolean awaitClosedByGateway(Duration timeout) {
        try {
            closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public synchronized byte[] agentAudio() {
        return agentAudio.toByteArray();
    }

    /** Waits for the next message from the gateway with this event name and property. */
    public JsonNode await(String event, Predicate<JsonNode> matching) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode message = received.poll(100, TimeUnit.MILLISECONDS);
                if (message != null && event.equals(message.path("event").asText()) && matching.test(message)) {
                    return message;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("the caller never received a " + event);
    }

    public JsonNode await(String event) {
        return await(event, m -> true);
    }

    private ObjectNode event(String name) {
        ObjectNode node = JSON.createObjectNode();
        node.put("event", name);
        if (!"connected".equals(name)) {
            node.put("sequenceNumber", String.valueOf(sequence.incrementAndGet()));
            node.put("streamSid", streamSid);
        }
        return node;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                JsonNode message = JSON.readTree(text);
                synchronized (this) {
                    all.add(message);
                    if ("media".equals(message.path("event").asText())) {
                        agentAudio.writeBytes(Base64.getDecoder()
                                .decode(message.path("media").path("payload").asText()));
                    }
                }
                received.add(message);
                if (echoMarks && "mark".equals(message.path("event").asText())) {
                    String name = message.path("mark").path("name").asText();
                    CompletableFuture.runAsync(() -> mark(name));
                }
            } catch (Exception e) {
                received.add(JSON.createObjectNode().put("event", "unparseable").put("text", text));
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }
}
