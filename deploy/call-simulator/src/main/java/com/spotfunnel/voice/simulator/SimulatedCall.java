package com.spotfunnel.voice.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.spotfunnel.voice.events.serde.ContractJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One caller, played the way Twilio plays it: a signed incoming-call webhook, then the Media Streams
 * WebSocket (connected, start, a media frame every 20 ms, stop), with the agent's audio "played" in real
 * time: a mark is echoed when the audio before it has finished, and {@code clear} drops what is buffered and
 * echoes pending marks at once.
 */
public final class SimulatedCall implements WebSocket.Listener {

    private static final ObjectMapper JSON = ContractJson.mapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long QUIET_AFTER_AGENT_MILLIS = 400;
    private static final long GREETING_WAIT_MILLIS = 4000;

    private final CallPlan plan;
    private final HttpClient http;
    private final ScheduledExecutorService clock;
    private final String callSid = sid("CA");
    private final String streamSid = sid("MZ");
    private final CompletableFuture<CallResult> done = new CompletableFuture<>();

    // Conversation state; guarded by this.
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending;
    private final StringBuilder partialText = new StringBuilder();
    private ScheduledFuture<?> ticker;
    private long startedAtNanos;
    private int sequence;
    private int frameIndex;
    private Phase phase = Phase.GREETING;
    private int utterancesDone;
    private int speechFramesLeft;
    private long speechEndedMillis;
    private boolean agentAnswered;
    private long playbackEndsMillis;
    private long lastAgentAudioMillis;
    private final Deque<PendingMark> pendingMarks = new ArrayDeque<>();
    private final List<Long> latencies = new ArrayList<>();
    private int framesSent;
    private int lateFrames;
    private int failedSends;
    private int agentFrames;
    private int marksEchoed;
    private int clears;
    private String said = "";

    private enum Phase { GREETING, SPEAKING, WAITING, DONE }

    private record PendingMark(String name, long playedAtMillis) {
    }

    public SimulatedCall(CallPlan plan, HttpClient http, ScheduledExecutorService clock) {
        this.plan = plan;
        this.http = http;
        this.clock = clock;
    }

    public String callSid() {
        return callSid;
    }

    public CompletableFuture<CallResult> run() {
        Map<String, String> params = webhookParams();
        String url = plan.gatewayBaseUrl() + "/twilio/voice";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.sign(plan.authToken(), url, params))
                .POST(HttpRequest.BodyPublishers.ofString(form(params)))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            if (failure != null) {
                finish("webhook failed: " + failure.getMessage());
            } else if (response.statusCode() != 200) {
                finish("webhook answered " + response.statusCode());
            } else {
                connect(StreamInstructions.parse(response.body()));
            }
        });
        return done;
    }

    private void connect(StreamInstructions twiml) {
        said = twiml.said();
        if (twiml.streamUrl().isEmpty()) {
            done.complete(result(false, twiml.hangsUp() ? null : "TwiML had neither a Stream nor a Hangup"));
            return;
        }
        String streamUrl = twiml.streamUrl().get();
        URI target = localTarget(URI.create(streamUrl));
        http.newWebSocketBuilder()
                .header("X-Twilio-Signature", TwilioSignature.sign(plan.authToken(), streamUrl, Map.of()))
                .buildAsync(target, this)
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        finish("media stream connect failed: " + failure.getMessage());
                        return;
                    }
                    synchronized (this) {
                        socket = ws;
                        sending = CompletableFuture.completedFuture(ws);
                        startedAtNanos = System.nanoTime();
                        send(json("event", "connected", "protocol", "Call", "version", "1.0.0"));
                        send(startMessage(twiml.parameters()));
                        ticker = clock.scheduleAtFixedRate(this::tick, CallerAudio.FRAME_MILLIS,
                                CallerAudio.FRAME_MILLIS, TimeUnit.MILLISECONDS);
                    }
                });
    }

    /** Every 20 ms: one caller frame, marks whose audio has played, and the conversation's next step. */
    private synchronized void tick() {
        if (phase == Phase.DONE) {
            return;
        }
        long now = elapsedMillis();
        long due = (long) (frameIndex + 1) * CallerAudio.FRAME_MILLIS;
        if (now - due > CallerAudio.FRAME_MILLIS) {
            lateFrames++;
        }
        echoPlayedMarks(now);
        byte[] frame;
        switch (phase) {
            case GREETING -> {
                frame = CallerAudio.silence();
                boolean greeted = lastAgentAudioMillis > 0 && agentQuiet(now);
                if (greeted || (lastAgentAudioMillis == 0 && now > GREETING_WAIT_MILLIS)) {
                    startSpeaking();
                }
            }
            case SPEAKING -> {
                frame = CallerAudio.speech(frameIndex);
                if (--speechFramesLeft == 0) {
                    phase = Phase.WAITING;
                    speechEndedMillis = now;
                    agentAnswered = false;
                }
            }
            default -> {
                frame = CallerAudio.silence();
                boolean answered = agentAnswered && agentQuiet(now);
                if (answered || now - speechEndedMillis > plan.turnTimeout().toMillis()) {
                    utterancesDone++;
                    nextOrHangUp(now);
                }
            }
        }
        if (phase != Phase.DONE) {
            sendMedia(frame, now);
        }
    }

    private void nextOrHangUp(long now) {
        if (utterancesDone < plan.utterances()) {
            startSpeaking();
        } else {
            hangUp();
        }
    }

    private void startSpeaking() {
        phase = Phase.SPEAKING;
        speechFramesLeft = (int) Math.max(1, plan.speechLength().toMillis() / CallerAudio.FRAME_MILLIS);
    }

    private boolean agentQuiet(long now) {
        return pendingMarks.isEmpty() && now >= playbackEndsMillis
                && now - lastAgentAudioMillis >= QUIET_AFTER_AGENT_MILLIS;
    }

    private void hangUp() {
        phase = Phase.DONE;
        ObjectNode stop = json("event", "stop", "sequenceNumber", Integer.toString(++sequence), "streamSid", streamSid);
        stop.putObject("stop").put("accountSid", plan.accountSid()).put("callSid", callSid);
        send(stop);
        sending.thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "call ended"))
                .whenComplete((ws, failure) -> finish(null));
    }

    private void sendMedia(byte[] frame, long now) {
        ObjectNode media = json("event", "media", "sequenceNumber", Integer.toString(++sequence), "streamSid", streamSid);
        media.putObject("media").put("track", "inbound").put("chunk", Integer.toString(++frameIndex))
                .put("timestamp", Long.toString(now)).put("payload", Base64.getEncoder().encodeToString(frame));
        framesSent++;
        send(media);
    }

    // ---- from the gateway

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partialText.append(data);
        if (last) {
            String text = partialText.toString();
            partialText.setLength(0);
            onMessage(text);
        }
        webSocket.request(1);
        return null;
    }

    private synchronized void onMessage(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (Exception e) {
            return;
        }
        long now = elapsedMillis();
        switch (message.path("event").asText()) {
            case "media" -> {
                int bytes = Base64.getDecoder().decode(message.path("media").path("payload").asText("")).length;
                agentFrames++;
                if (phase == Phase.WAITING && !agentAnswered) {
                    agentAnswered = true;
                    latencies.add(now - speechEndedMillis);
                }
                playbackEndsMillis = Math.max(now, playbackEndsMillis) + bytes / 8;
                lastAgentAudioMillis = now;
            }
            case "mark" -> pendingMarks.add(new PendingMark(message.path("mark").path("name").asText(),
                    Math.max(now, playbackEndsMillis)));
            case "clear" -> {
                clears++;
                playbackEndsMillis = now;
                while (!pendingMarks.isEmpty()) {
                    echoMark(pendingMarks.poll().name());
                }
            }
            default -> {
                // Twilio ignores nothing else silently either, but the gateway sends only these.
            }
        }
    }

    private void echoPlayedMarks(long now) {
        while (!pendingMarks.isEmpty() && pendingMarks.peek().playedAtMillis() <= now) {
            echoMark(pendingMarks.poll().name());
        }
    }

    private void echoMark(String name) {
        marksEchoed++;
        ObjectNode mark = json("event", "mark", "sequenceNumber", Integer.toString(++sequence), "streamSid", streamSid);
        mark.putObject("mark").put("name", name);
        send(mark);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        synchronized (this) {
            if (phase != Phase.DONE) {
                phase = Phase.DONE;
                finish(utterancesDone < plan.utterances()
                        ? "the gateway closed the stream (" + statusCode + " " + reason + ")" : null);
            }
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        finish("media stream error: " + error.getMessage());
    }

    // ---- plumbing

    private void send(ObjectNode message) {
        String text = message.toString();
        sending = sending.thenCompose(ws -> ws.sendText(text, true)).exceptionally(failure -> {
            synchronized (SimulatedCall.this) {
                failedSends++;
            }
            return socket;
        });
    }

    private synchronized void finish(String error) {
        phase = Phase.DONE;
        if (ticker != null) {
            ticker.cancel(false);
        }
        done.complete(result(true, error));
    }

    private CallResult result(boolean streamed, String error) {
        return new CallResult(callSid, streamed, said, List.copyOf(latencies), latencies.size(), plan.utterances(),
                framesSent, lateFrames, failedSends, agentFrames, marksEchoed, clears, error);
    }

    private ObjectNode startMessage(Map<String, String> customParameters) {
        ObjectNode start = json("event", "start", "sequenceNumber", Integer.toString(++sequence), "streamSid", streamSid);
        ObjectNode body = start.putObject("start");
        body.put("accountSid", plan.accountSid()).put("streamSid", streamSid).put("callSid", callSid);
        body.putArray("tracks").add("inbound");
        ObjectNode custom = body.putObject("customParameters");
        customParameters.forEach(custom::put);
        body.putObject("mediaFormat").put("encoding", "audio/x-mulaw").put("sampleRate", 8000).put("channels", 1);
        return start;
    }

    private Map<String, String> webhookParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", callSid);
        params.put("AccountSid", plan.accountSid());
        params.put("From", plan.from());
        params.put("To", plan.to());
        params.put("Caller", plan.from());
        params.put("Called", plan.to());
        params.put("CallStatus", "ringing");
        params.put("Direction", "inbound");
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    /** Locally the gateway speaks plain HTTP: connect to the same path over ws:// at the gateway's address. */
    private URI localTarget(URI streamUrl) {
        URI base = URI.create(plan.gatewayBaseUrl());
        if (!"http".equals(base.getScheme())) {
            return streamUrl;
        }
        return URI.create("ws://" + base.getAuthority() + streamUrl.getRawPath());
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startedAtNanos) / 1_000_000;
    }

    private static ObjectNode json(String... keyValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.put(keyValues[i], keyValues[i + 1]);
        }
        return node;
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String sid(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
