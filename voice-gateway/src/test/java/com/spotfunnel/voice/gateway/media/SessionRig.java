package com.spotfunnel.voice.gateway.media;

import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.EventPayload;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.gateway.bridge.BridgeListener;
import com.spotfunnel.voice.gateway.bridge.PipelineDialer;
import com.spotfunnel.voice.gateway.bridge.PipelineLink;
import com.spotfunnel.voice.gateway.events.CallEventSink;
import com.spotfunnel.voice.gateway.events.CallTrack;
import com.spotfunnel.voice.gateway.fallback.FallbackPlan;
import com.spotfunnel.voice.gateway.fallback.FallbackPolicy;
import com.spotfunnel.voice.gateway.fallback.LiveCallUpdates;
import com.spotfunnel.voice.gateway.ops.CallMetrics;
import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * One {@link CallSession} with a fake of each of its collaborators and a virtual clock, all on the test's thread:
 * what the session sent to Twilio and the pipeline, the events it published, the REST updates it asked for (each
 * answered by the test) and the meters it moved.
 */
final class SessionRig {

    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(2);
    static final String TRANSFER_NUMBER = "+61255501234";

    final VirtualClock clock = new VirtualClock();
    final Twilio twilio = new Twilio();
    final Pipeline pipeline = new Pipeline();
    final Events events = new Events();
    final Updates updates = new Updates();
    final Metrics metrics = new Metrics();
    final Planner planner = new Planner();
    final CallSession session;
    int endedCallbacks;

    SessionRig() {
        CallContext call =
                new CallContext("call-1", "tenant-1", "CA1", "MZ1", "+61400000001", "+61200000002", "inbound", null);
        session = new CallSession(
                call,
                twilio,
                new SessionServices(events, pipeline, planner, updates, metrics, clock, DRAIN_TIMEOUT),
                () -> endedCallbacks++);
        session.begin();
    }

    // ---- what the pipeline says ----

    void agentSays(String utteranceId) {
        session.onPipelineMessage(new PipelineMessage.AgentAudio(utteranceId, new byte[] {1, 2}, false));
        session.onPipelineMessage(new PipelineMessage.AgentAudio(utteranceId, new byte[0], true));
    }

    void callerTurn(int index) {
        session.onPipelineMessage(
                new PipelineMessage.Transcript(new TranscriptTurn(index, Speaker.CALLER, "hello", 0, 10, false)));
    }

    void cost(String usd) {
        session.onPipelineMessage(new PipelineMessage.Cost(
                new CostRecorded(1, Stage.LLM, "openai", "gpt", BigDecimal.ONE, "prompt_tokens", new BigDecimal(usd))));
    }

    void pipelineFails(FailureKind kind) {
        session.onPipelineMessage(new PipelineMessage.Failed(kind, "every provider failed"));
    }

    // ---- reaching each phase the way a call does ----

    /** Drives the session into the named phase through real inputs. */
    SessionRig driveTo(String phase) {
        switch (phase) {
            case "Live" -> {}
            case "SayingGoodbye" -> {
                agentSays("u-1");
                session.onPipelineMessage(new PipelineMessage.Hangup("bye"));
            }
            case "ClosingStream(goodbye)" -> {
                driveTo("SayingGoodbye");
                session.markEchoed("u-1");
            }
            case "Transferring" -> {
                planner.transferNumber = TRANSFER_NUMBER;
                session.onPipelineMessage(new PipelineMessage.Transfer("caller asked"));
            }
            case "Transferred" -> {
                driveTo("Transferring");
                updates.answer(true);
            }
            case "Dialing" -> {
                driveTo("Transferred");
                session.streamEnded("caller_hangup"); // Twilio ran the <Dial>: the stream's stop
            }
            case "ReturningToAgent" -> {
                driveTo("Dialing");
                session.dialEnded("no-answer");
            }
            case "ReturnedToAgent" -> {
                driveTo("ReturningToAgent");
                session.resume("MZ-returned", twilio);
            }
            case "ClosingStream(transfer refused)" -> {
                driveTo("Transferring");
                updates.answer(false);
            }
            case "PlayingFallback(pending)" -> pipelineFails(FailureKind.LLM);
            case "PlayingFallback(accepted)" -> {
                driveTo("PlayingFallback(pending)");
                updates.answer(true);
            }
            case "PlayingFallback(refused)" -> {
                driveTo("PlayingFallback(pending)");
                updates.answer(false);
            }
            case "Draining" -> session.streamEnded("caller_hangup");
            case "Ended" -> {
                driveTo("Draining");
                pipeline.closes();
            }
            default -> throw new IllegalArgumentException(phase);
        }
        return this;
    }

    static List<String> phases() {
        return List.of(
                "Live",
                "SayingGoodbye",
                "ClosingStream(goodbye)",
                "Transferring",
                "Transferred",
                "Dialing",
                "ReturningToAgent",
                "ReturnedToAgent",
                "ClosingStream(transfer refused)",
                "PlayingFallback(pending)",
                "PlayingFallback(accepted)",
                "PlayingFallback(refused)",
                "Draining",
                "Ended");
    }

    CallEnded callEnded() {
        List<CallEnded> ended = events.of(CallEnded.class);
        return ended.isEmpty() ? null : ended.get(0);
    }

    // ---- fakes ----

    /** Nanoseconds and one-shot timers that move only when the test says so. */
    static final class VirtualClock implements CallClock {

        private record Timer(long dueNanos, Runnable task) {}

        private final TreeMap<Long, Timer> timers = new TreeMap<>();
        private long nanos = 1_000_000_000L;
        private long nextId;

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public long setTimer(Duration delay, Runnable task) {
            long id = nextId++;
            timers.put(id, new Timer(nanos + delay.toNanos(), task));
            return id;
        }

        @Override
        public void cancelTimer(long id) {
            timers.remove(id);
        }

        int pendingTimers() {
            return timers.size();
        }

        /** Moves time on, running each timer that falls due on the way, in order. */
        void advance(Duration by) {
            long until = nanos + by.toNanos();
            while (true) {
                var due = timers.entrySet().stream()
                        .filter(e -> e.getValue().dueNanos() <= until)
                        .min((a, b) -> Long.compare(
                                a.getValue().dueNanos(), b.getValue().dueNanos()))
                        .orElse(null);
                if (due == null) {
                    break;
                }
                timers.remove(due.getKey());
                nanos = Math.max(nanos, due.getValue().dueNanos());
                due.getValue().task().run();
            }
            nanos = until;
        }
    }

    /** Records what the session sends as the JSON Twilio would get (one media message per audio chunk). */
    static final class Twilio implements TwilioLink {
        private final MediaCodec.Outbound json = MediaCodec.outbound("MZ1");
        final List<String> sent = new ArrayList<>();
        int closes;

        @Override
        public void sendAudio(byte[] mulaw) {
            sent.add(json.media(mulaw));
        }

        @Override
        public void sendMark(String name) {
            sent.add(json.mark(name));
        }

        @Override
        public void sendClear() {
            sent.add(json.clear());
        }

        @Override
        public void close() {
            closes++;
        }

        boolean sentEvent(String event) {
            return sent.stream().anyMatch(json -> json.contains("\"event\":\"" + event + "\""));
        }
    }

    static final class Pipeline implements PipelineDialer, PipelineLink {
        final List<GatewayMessage> sent = new ArrayList<>();
        int audioFrames;
        GatewayMessage hungUpWith;
        boolean hungUp;
        boolean closed;
        BridgeListener listener;

        @Override
        public PipelineLink connect(GatewayMessage.CallStart start, BridgeListener listener) {
            this.listener = listener;
            sent.add(start);
            return this;
        }

        @Override
        public void send(GatewayMessage message) {
            if (!hungUp && !closed) {
                sent.add(message);
            }
        }

        @Override
        public void sendAudio(byte[] mulaw) {
            if (!hungUp && !closed) {
                audioFrames++;
            }
        }

        @Override
        public void hangUp(GatewayMessage last) {
            if (!closed && !hungUp) {
                hungUpWith = last;
                send(last);
                hungUp = true;
            }
        }

        @Override
        public void close(GatewayMessage last) {
            if (!closed && last != null) {
                send(last);
            }
            closed = true;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public long droppedFrames() {
            return 0;
        }

        /** The pipeline closes its socket (its last message sent, or it broke). */
        void closes() {
            if (!closed) {
                listener.onBridgeBroken("closed");
            }
        }

        <T extends GatewayMessage> List<T> of(Class<T> type) {
            return sent.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    static final class Events implements CallEventSink {
        final List<EventPayload> published = new ArrayList<>();

        @Override
        public CallTrack track(String callId, String tenantId, String callSid) {
            return new CallTrack(callId, tenantId, callSid);
        }

        @Override
        public void publish(CallTrack track, EventPayload payload) {
            published.add(payload);
        }

        <T extends EventPayload> List<T> of(Class<T> type) {
            return published.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<String> types() {
            return published.stream().map(p -> p.getClass().getSimpleName()).toList();
        }
    }

    /** REST updates of the live call, each answered when the test says. */
    static final class Updates implements LiveCallUpdates {
        final List<String> asked = new ArrayList<>();
        private final List<CompletableFuture<Boolean>> pending = new ArrayList<>();

        @Override
        public Uni<Boolean> playFallback(CallTrack track, FallbackPlan plan) {
            asked.add("fallback:" + plan.kind());
            return next();
        }

        @Override
        public Uni<Boolean> transfer(CallTrack track, String transferTo, String twiml) {
            asked.add("transfer:" + transferTo);
            return next();
        }

        private Uni<Boolean> next() {
            CompletableFuture<Boolean> answer = new CompletableFuture<>();
            pending.add(answer);
            return Uni.createFrom().completionStage(answer);
        }

        /** Twilio answers the oldest update still waiting. */
        void answer(boolean accepted) {
            pending.remove(0).complete(accepted);
        }

        /** Twilio answers the newest update still waiting. */
        void answerLatest(boolean accepted) {
            pending.remove(pending.size() - 1).complete(accepted);
        }

        int waiting() {
            return pending.size();
        }
    }

    static final class Planner implements FallbackPolicy {
        String transferNumber;

        @Override
        public FallbackPlan plan(TenantConfig tenant, FailureKind kind, String callId) {
            return new FallbackPlan(kind, "Sorry.", transferNumber, "<Response/>");
        }

        @Override
        public FallbackPlan busy(TenantConfig tenant) {
            return new FallbackPlan(FailureKind.OTHER, "Busy.", null, "<Response/>", "capacity_refused");
        }

        @Override
        public String transferTwiml(TenantConfig tenant, String callId) {
            return transferNumber == null ? null : "<Response><Dial/></Response>";
        }

        @Override
        public String transferNumber(TenantConfig tenant) {
            return transferNumber;
        }
    }

    static final class Metrics implements CallMetrics {
        int active;
        final List<String> endedWith = new ArrayList<>();
        final List<String> illegalMoves = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        final List<Duration> turnLatencies = new ArrayList<>();

        @Override
        public void callStarted() {
            active++;
        }

        @Override
        public void callEnded() {
            active--;
        }

        @Override
        public void callEndedWith(String status) {
            endedWith.add(status);
        }

        @Override
        public void turnLatency(Duration latency) {
            turnLatencies.add(latency);
        }

        @Override
        public void providerFirstByte(String stage, String provider, Duration latency) {}

        @Override
        public void mediaRejected(String reason) {}

        @Override
        public void droppedFrames(long count) {}

        @Override
        public void illegalPhaseMove(String from, String to) {
            illegalMoves.add(from + "->" + to);
        }

        @Override
        public void admissionRefused(String reason) {
            refused.add(reason);
        }
    }
}
