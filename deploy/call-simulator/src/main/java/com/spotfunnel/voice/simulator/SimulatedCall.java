package com.spotfunnel.voice.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.spotfunnel.voice.events.serde.ContractJson;
import io.vertx.core.Context;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * One caller, played the way Twilio plays it: a signed incoming-call webhook, then the Media Streams
 * WebSocket (connected, start, a media frame every 20 ms, stop), with the agent's audio "played" in real
 * time: a mark is echoed when the audio before it has finished, and {@code clear} drops what is buffered and
 * echoes pending marks at once. The whole call runs on one Vert.x event loop of its {@link CallerTransport}.
 */
public final class SimulatedCall {

    private static final ObjectMapper JSON = ContractJson.mapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long QUIET_AFTER_AGENT_MILLIS = 400;
    private static final long GREETING_WAIT_MILLIS = 4000;

    private final CallPlan plan;
    private final CallerTransport transport;
    private final String callSid;
    private final String streamSid = sid("MZ");
    /** The TwiML Twilio is running on a call already in progress (a new stream of it), or null for a new call. */
    private final String continuedWith;

    private final CompletableFuture<CallResult> done = new CompletableFuture<>();

    // Conversation state; guarded by this.
    private WebSocket socket;
    private long ticker = -1;
    private long startedAtNanos;
    private int sequence;
    private int frameIndex;
    private Phase phase = Phase.GREETING;
    private int utterancesDone;
    private int speechFramesLeft;
    private long speechEndedMillis;
    private int quietFramesSent;
    private long endpointSentMillis = -1;
    /** For the turn trace: the endpoint frame's number, when it was due and when it was sent (nanoTime). */
    private int endpointChunk;

    private long endpointDueNanos;
    private long endpointSentNanos;
    private boolean agentAnswered;
    private long playbackEndsMillis;
    private long lastAgentAudioMillis;
    private final Deque<PendingMark> pendingMarks = new ArrayDeque<>();
    private final List<Long> latencies = new ArrayList<>();
    private final List<Long> platformLatencies = new ArrayList<>();
    private int framesSent;
    private int lateFrames;
    private int failedSends;
    private int agentFrames;
    private int marksEchoed;
    private int clears;
    private String said = "";

    private enum Phase {
        GREETING,
        SPEAKING,
        WAITING,
        DONE
    }

    private record PendingMark(String name, long playedAtMillis) {}

    public SimulatedCall(CallPlan plan, CallerTransport transport) {
        this(plan, transport, sid("CA"), null);
    }

    private SimulatedCall(CallPlan plan, CallerTransport transport, String callSid, String continuedWith) {
        this.plan = plan;
        this.transport = transport;
        this.callSid = callSid;
        this.continuedWith = continuedWith;
    }

    /**
     * The same caller on a new Media Stream of their call, as Twilio opens one when a webhook (a {@code <Dial action>})
     * answers {@code twiml} with a {@code <Connect><Stream>}: same CallSid, a new streamSid, a new {@code start}.
     */
    public static SimulatedCall continuing(CallPlan plan, CallerTransport transport, String callSid, String twiml) {
        return new SimulatedCall(plan, transport, callSid, twiml);
    }

    public String callSid() {
        return callSid;
    }

    public CompletableFuture<CallResult> run() {
        Context context = transport.vertx().getOrCreateContext();
        context.runOnContext(ignored -> {
            if (continuedWith == null) {
                callIn();
            } else {
                connect(StreamInstructions.parse(continuedWith));
            }
        });
        return done;
    }

    private void callIn() {
        Map<String, String> params = webhookParams();
        String url = plan.gatewayBaseUrl() + "/twilio/voice";
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url)
                .putHeader("Content-Type", "application/x-www-form-urlencoded")
                .putHeader("X-Twilio-Signature", TwilioSignature.sign(plan.authToken(), url, params));
        transport
                .http()
                .request(request)
                .compose(sent -> sent.send(form(params)))
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() == 503) {
                        // refused: Twilio would now ask the number's Voice Fallback URL
                        said = "(503: Twilio tries the number's fallback URL)";
                        done.complete(result(false, null));
                    } else if (response.statusCode() != 200) {
                        finish("webhook answered " + response.statusCode());
                    } else {
                        connect(StreamInstructions.parse(body.toString()));
                    }
                    return body;
                }))
                .onFailure(failure -> finish("webhook failed: " + failure.getMessage()));
    }

    private void connect(StreamInstructions twiml) {
        said = twiml.said();
        if (twiml.streamUrl().isEmpty()) {
            done.complete(result(false, twiml.hangsUp() ? null : "TwiML had neither a Stream nor a Hangup"));
            return;
        }
        String streamUrl = twiml.streamUrl().get();
        URI target = localTarget(URI.create(streamUrl));
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setAbsoluteURI(target.toString())
                .addHeader("X-Twilio-Signature", TwilioSignature.sign(plan.authToken(), streamUrl, Map.of()));
        transport.webSockets().connect(options).onComplete(connected -> {
            if (connected.failed()) {
                finish("media stream connect failed: " + connected.cause().getMessage());
                return;
            }
            synchronized (this) {
                socket = connected.result();
                socket.textMessageHandler(this::onMessage);
                socket.closeHandler(ignored -> onClose(socket.closeStatusCode(), socket.closeReason()));
                socket.exceptionHandler(error -> finish("media stream error: " + error.getMessage()));
                startedAtNanos = System.nanoTime();
                send(json("event", "connected", "protocol", "Call", "version", "1.0.0"));
                send(startMessage(twiml.parameters()));
                ticker = transport.vertx().setPeriodic(CallerAudio.FRAME_MILLIS, ignored -> tick());
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
        String frame;
        switch (phase) {
            case GREETING -> {
                frame = CallerAudio.silenceBase64();
                boolean greeted = lastAgentAudioMillis > 0 && agentQuiet(now);
                if (greeted || (lastAgentAudioMillis == 0 && now > GREETING_WAIT_MILLIS)) {
                    startSpeaking();
                }
            }
            case SPEAKING -> {
                frame = CallerAudio.speechBase64(frameIndex);
                if (--speechFramesLeft == 0) {
                    phase = Phase.WAITING;
                    speechEndedMillis = now;
                    agentAnswered = false;
                    quietFramesSent = 0;
                    endpointSentMillis = -1;
                }
            }
            default -> {
                frame = CallerAudio.silenceBase64();
                if (!agentAnswered && ++quietFramesSent == plan.endpointFrames()) {
                    endpointSentMillis = now; // this frame completes the silence the recognizer waits for
                    if (TurnTrace.ON) {
                        endpointChunk = frameIndex + 1;
                        endpointDueNanos = startedAtNanos + due * 1_000_000;
                        endpointSentNanos = System.nanoTime();
                    }
                }
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
        return pendingMarks.isEmpty()
                && now >= playbackEndsMillis
                && now - lastAgentAudioMillis >= QUIET_AFTER_AGENT_MILLIS;
    }

    private void hangUp() {
        phase = Phase.DONE;
        ObjectNode stop = json("event", "stop", "sequenceNumber", Integer.toString(++sequence), "streamSid", streamSid);
        stop.putObject("stop").put("accountSid", plan.accountSid()).put("callSid", callSid);
        send(stop);
        socket.close((short) 1000, "call ended").onComplete(closed -> finish(null));
    }

    /**
     * Written by hand rather than through a JSON tree: a load run sends 10 000 of these a second from the machine
     * it measures. Every value is ASCII without quotes or backslashes (digits, a hex sid, base64).
     */
    private void sendMedia(String payloadBase64, long now) {
        String media = "{\"event\":\"media\",\"sequenceNumber\":\"" + (++sequence) + "\",\"streamSid\":\"" + streamSid
                + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\"" + (++frameIndex) + "\",\"timestamp\":\"" + now
                + "\",\"payload\":\"" + payloadBase64 + "\"}}";
        framesSent++;
        send(media);
    }

    // ---- from the gateway

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
                int bytes = decodedLength(message.path("media").path("payload").asText(""));
                agentFrames++;
                if (phase == Phase.WAITING && !agentAnswered) {
                    agentAnswered = true;
                    latencies.add(now - speechEndedMillis);
                    platformLatencies.add(
                            endpointSentMillis >= 0
                                    ? now - endpointSentMillis
                                    : now - speechEndedMillis - plan.endpoint().toMillis());
                    if (TurnTrace.ON && endpointSentMillis >= 0) {
                        TurnTrace.answered(
                                callSid,
                                utterancesDone,
                                endpointChunk,
                                endpointDueNanos,
                                endpointSentNanos,
                                System.nanoTime());
                    }
                }
                playbackEndsMillis = Math.max(now, playbackEndsMillis) + bytes / 8;
                lastAgentAudioMillis = now;
            }
            case "mark" ->
                pendingMarks.add(
                        new PendingMark(message.path("mark").path("name").asText(), Math.max(now, playbackEndsMillis)));
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

    /** The audio bytes a base64 payload carries, without decoding it. */
    static int decodedLength(String base64) {
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return base64.length() / 4 * 3 - padding;
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

    private synchronized void onClose(Short statusCode, String reason) {
        if (phase != Phase.DONE) {
            phase = Phase.DONE;
            finish(
                    utterancesDone < plan.utterances()
                            ? "the gateway closed the stream (" + statusCode + " " + reason + ")"
                            : null);
        }
    }

    // ---- plumbing

    private void send(ObjectNode message) {
        send(message.toString());
    }

    private void send(String message) {
        socket.writeTextMessage(message).onFailure(failure -> {
            synchronized (SimulatedCall.this) {
                failedSends++;
            }
        });
    }

    private synchronized void finish(String error) {
        phase = Phase.DONE;
        if (ticker >= 0) {
            transport.vertx().cancelTimer(ticker);
            ticker = -1;
        }
        done.complete(result(true, error));
    }

    private CallResult result(boolean streamed, String error) {
        return new CallResult(
                callSid,
                streamed,
                said,
                List.copyOf(latencies),
                List.copyOf(platformLatencies),
                latencies.size(),
                plan.utterances(),
                framesSent,
                lateFrames,
                failedSends,
                agentFrames,
                marksEchoed,
                clears,
                error);
    }

    private ObjectNode startMessage(Map<String, String> customParameters) {
        ObjectNode start =
                json("event", "start", "sequenceNumber", Integer.toString(++sequence), "streamSid", streamSid);
        ObjectNode body = start.putObject("start");
        body.put("accountSid", plan.accountSid()).put("streamSid", streamSid).put("callSid", callSid);
        body.putArray("tracks").add("inbound");
        ObjectNode custom = body.putObject("customParameters");
        customParameters.forEach(custom::put);
        body.putObject("mediaFormat")
                .put("encoding", "audio/x-mulaw")
                .put("sampleRate", 8000)
                .put("channels", 1);
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
