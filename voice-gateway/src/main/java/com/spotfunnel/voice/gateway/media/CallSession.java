package com.spotfunnel.voice.gateway.media;

import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.CallCosts;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStarted;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.Severity;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.SystemError;
import com.spotfunnel.voice.gateway.bridge.BridgeListener;
import com.spotfunnel.voice.gateway.bridge.PipelineBridge;
import com.spotfunnel.voice.gateway.events.CallTrack;
import com.spotfunnel.voice.gateway.fallback.FallbackPlan;
import com.spotfunnel.voice.gateway.ops.CallMdc;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One live call: Twilio's Media Stream on one side, the pipeline socket on the other. Relays audio both
 * ways, turns pipeline results into events, marks agent utterances so the pipeline learns what the caller
 * heard, and runs the fallback when the AI cannot go on. Methods are short and synchronized: they run on
 * event loops (Twilio's and the pipeline's socket), on the fallback's completion and on the drain timer.
 *
 * <p>When the caller hangs up the call ends in two steps: {@link #finish} sends {@code CallerHangup}, stops
 * sending and closes the Media Stream, but keeps reading the pipeline socket ("draining") so the pipeline's
 * last transcript turn and costs still become events; CallEnded follows once the pipeline closes the socket or
 * {@code gateway.pipeline-drain-timeout} passes, whichever comes first.
 */
public final class CallSession implements BridgeListener {

    private static final Logger LOG = Logger.getLogger(CallSession.class);

    private final CallContext call;
    private final TwilioLink twilio;
    private final SessionServices services;
    private final CallTrack track;
    private final Instant startedAt = Instant.now();
    private final Set<String> pendingMarks = new LinkedHashSet<>();
    private final Set<String> utterancesSeen = new HashSet<>();
    private final Runnable onEnded;
    private PipelineBridge bridge;
    private CallCosts costs = CallCosts.ZERO;
    private boolean callerSpoke;
    private boolean hangupAfterPlayback;
    private boolean agentHungUp;
    private String transferredTo;
    private FallbackPlan fallback;
    private boolean twilioUpdateInFlight;
    private boolean fallbackSucceeded;
    private String endRequestedReason;
    /** The caller side is over: nothing more is relayed. */
    private boolean ended;
    /** CallerHangup sent; the pipeline's last messages are still applied until CallEnded. */
    private boolean draining;
    /** The pipeline closed its socket (or it broke): nothing more will come from it. */
    private boolean pipelineClosed;
    private String drainReason;
    private long drainTimer = -1;
    /** CallEnded published: nothing more happens on this call. */
    private boolean callEnded;
    private long lastCallerTurnNanos = -1;

    CallSession(CallContext call, TwilioLink twilio, SessionServices services, Runnable onEnded) {
        this.call = call;
        this.twilio = twilio;
        this.services = services;
        this.onEnded = onEnded;
        this.track = services.events.track(call.callId(), call.tenantId(), call.callSid());
    }

    public CallContext call() {
        return call;
    }

    synchronized void begin() {
        services.metrics.callStarted();
        services.events.publish(track, new CallStarted(call.callSid(), call.callerPhone(), call.dialedNumber(),
                call.direction()));
        bridge = services.pipeline.connect(new GatewayMessage.CallStart(call.callId(), call.tenantId(), call.callSid(),
                call.streamSid(), call.callerPhone(), call.dialedNumber()), this);
    }

    // ---- from Twilio ----

    synchronized void callerAudio(byte[] mulaw) {
        if (!ended && fallback == null) {
            bridge.sendAudio(mulaw);
        }
    }

    synchronized void markEchoed(String name) {
        if (ended) {
            return;
        }
        if (pendingMarks.remove(name) && fallback == null) {
            bridge.send(new GatewayMessage.Played(name));
        }
        if (hangupAfterPlayback && pendingMarks.isEmpty()) {
            hangUpNow();
        }
    }

    synchronized void dtmf(String digit) {
        if (!ended && fallback == null) {
            bridge.send(new GatewayMessage.Dtmf(digit));
        }
    }

    /** Twilio's stop, the socket closing, or a final status callback. */
    public synchronized void streamEnded(String reason) {
        if (ended) {
            return;
        }
        if (twilioUpdateInFlight) {
            // The call's new TwiML is taking effect; its events come first, then CallEnded.
            endRequestedReason = reason;
            return;
        }
        finish(reason);
    }

    // ---- from the pipeline ----

    @Override
    public synchronized void onPipelineMessage(PipelineMessage message) {
        if (callEnded) {
            return;
        }
        if (draining || fallback != null) {
            // after a fallback the pipeline still reports what the call cost so far; the caller is Twilio's now
            lateMessage(message);
            return;
        }
        if (ended) {
            return;
        }
        try {
            handle(message);
        } catch (RuntimeException e) {
            CallMdc.log(call.callId(), call.tenantId(),
                    () -> LOG.errorf(e, "Unexpected error handling pipeline message on call %s", call.callId()));
            fail(FailureKind.OTHER, "gateway_error", e.getClass().getSimpleName());
        }
    }

    private void handle(PipelineMessage message) {
        if (message instanceof PipelineMessage.AgentAudio audio) {
            agentAudio(audio);
        } else if (message instanceof PipelineMessage.Clear) {
            pendingMarks.clear();
            twilio.send(MediaCodec.clear(call.streamSid()));
        } else if (message instanceof PipelineMessage.Transcript transcript) {
            if (transcript.turn().speaker() == Speaker.CALLER) {
                callerSpoke = true;
                lastCallerTurnNanos = System.nanoTime();
            }
            services.events.publish(track, transcript.turn());
        } else if (message instanceof PipelineMessage.Cost cost) {
            costs = costs.plus(cost.cost().stage(), cost.cost().costUsd());
            services.events.publish(track, cost.cost());
        } else if (message instanceof PipelineMessage.ProviderFailure failure) {
            services.events.publish(track, failure.failure());
        } else if (message instanceof PipelineMessage.StageLatency latency && latency.stage() != null) {
            services.metrics.providerFirstByte(latency.stage().name().toLowerCase(java.util.Locale.ROOT),
                    latency.provider(), Duration.ofMillis(Math.max(0, latency.firstByteMs())));
        } else if (message instanceof PipelineMessage.Failed failed) {
            fail(failed.kind() == null ? FailureKind.OTHER : failed.kind(), errorType(failed.kind()), failed.detail());
        } else if (message instanceof PipelineMessage.Transfer) {
            transfer();
        } else if (message instanceof PipelineMessage.Hangup) {
            hangupAfterPlayback = true;
            if (pendingMarks.isEmpty()) {
                hangUpNow();
            }
        }
    }

    /**
     * What the pipeline sends after CallerHangup: its record of the call (transcript, costs, provider failures,
     * provider latencies) still counts; anything meant for the caller (audio, clear) or the call's course is moot.
     */
    private void lateMessage(PipelineMessage message) {
        if (message instanceof PipelineMessage.Transcript || message instanceof PipelineMessage.Cost
                || message instanceof PipelineMessage.ProviderFailure || message instanceof PipelineMessage.StageLatency) {
            try {
                handle(message);
            } catch (RuntimeException e) {
                CallMdc.log(call.callId(), call.tenantId(), () -> LOG.errorf(e,
                        "Unexpected error handling a late pipeline message on call %s", call.callId()));
            }
        }
    }

    private void agentAudio(PipelineMessage.AgentAudio audio) {
        if (utterancesSeen.add(audio.utteranceId()) && lastCallerTurnNanos >= 0) {
            services.metrics.turnLatency(Duration.ofNanos(System.nanoTime() - lastCallerTurnNanos));
            lastCallerTurnNanos = -1;
        }
        if (audio.audio() != null && audio.audio().length > 0) {
            twilio.send(MediaCodec.media(call.streamSid(), audio.audio()));
        }
        if (audio.last()) {
            pendingMarks.add(audio.utteranceId());
            twilio.send(MediaCodec.mark(call.streamSid(), audio.utteranceId()));
        }
    }

    @Override
    public synchronized void onBridgeBroken(String reason) {
        pipelineClosed = true;
        if (draining) {
            // the pipeline closed the socket after its last messages: the call's record is complete
            endDrained();
            return;
        }
        if (!ended && fallback == null) {
            CallMdc.log(call.callId(), call.tenantId(),
                    () -> LOG.warnf("Pipeline socket of call %s broke (%s)", call.callId(), reason));
            fail(FailureKind.OTHER, "pipeline_disconnected", "pipeline socket " + reason);
        }
    }

    @Override
    public void onBadPipelineFrame() {
        services.metrics.mediaRejected("bad_pipeline_frame");
    }

    /** An unexpected error on this call's Twilio socket. */
    synchronized void unexpectedError(Throwable error) {
        if (!ended && fallback == null) {
            fail(FailureKind.OTHER, "gateway_error", error.getClass().getSimpleName());
        }
    }

    // ---- endings ----

    private void fail(FailureKind kind, String errorType, String detail) {
        fallback = services.planner.plan(call.tenant(), kind, call.callId());
        twilioUpdateInFlight = true;
        services.events.publish(track, new SystemError(errorType, Severity.ERROR, "voice-gateway",
                detail == null ? errorType : detail, null, Map.of("callSid", call.callSid(), "kind",
                        kind.name().toLowerCase(java.util.Locale.ROOT))));
        // Half-close: the pipeline stops, answers with its last costs and transcript, then closes (kept until CallEnded).
        bridge.hangUp(new GatewayMessage.CallerHangup("fallback"));
        services.control.playFallback(track, fallback).subscribe().with(this::fallbackDone);
    }

    private synchronized void fallbackDone(boolean succeeded) {
        fallbackSucceeded = succeeded;
        updateDone(succeeded);
    }

    private void updateDone(boolean succeeded) {
        twilioUpdateInFlight = false;
        if (!succeeded) {
            // Twilio would not take the message: end the stream, which ends the call, rather than leave silence.
            twilio.close();
        }
        if (endRequestedReason != null) {
            finish(endRequestedReason);
        }
    }

    private void transfer() {
        String twiml = services.planner.transferTwiml(call.tenant(), call.callId());
        if (twiml == null) {
            hangupAfterPlayback = true;
            if (pendingMarks.isEmpty()) {
                hangUpNow();
            }
            return;
        }
        transferredTo = services.planner.transferNumber(call.tenant());
        twilioUpdateInFlight = true;
        services.control.transfer(track, transferredTo, twiml).subscribe().with(this::transferDone);
    }

    private synchronized void transferDone(boolean succeeded) {
        if (!succeeded) {
            transferredTo = null;
        }
        updateDone(succeeded);
    }

    private void hangUpNow() {
        agentHungUp = true;
        twilio.close();
    }

    private void finish(String reason) {
        if (ended) {
            return;
        }
        ended = true;
        twilio.close();
        if (bridge != null && !bridge.isClosed() && !pipelineClosed) {
            // The pipeline answers CallerHangup with its last transcript turn and costs: keep listening. (After a
            // fallback it was sent already; the pipeline usually closed long before Twilio's stop.)
            draining = true;
            drainReason = reason;
            bridge.hangUp(new GatewayMessage.CallerHangup(reason));
            drainTimer = services.vertx.setTimer(Math.max(1, services.pipelineDrainTimeout.toMillis()),
                    id -> drainTimedOut());
            return;
        }
        if (bridge != null) {
            bridge.close(new GatewayMessage.CallerHangup(reason)); // not sent when a fallback hung up already
        }
        publishEnded(reason);
    }

    private synchronized void drainTimedOut() {
        if (draining) {
            CallMdc.log(call.callId(), call.tenantId(), () -> LOG.debugf(
                    "Pipeline of call %s did not close within %s of the hang-up; ending the call",
                    call.callId(), services.pipelineDrainTimeout));
            endDrained();
        }
    }

    private void endDrained() {
        draining = false;
        if (drainTimer >= 0) {
            services.vertx.cancelTimer(drainTimer);
            drainTimer = -1;
        }
        bridge.close(null);
        publishEnded(drainReason);
    }

    private void publishEnded(String reason) {
        if (callEnded) {
            return;
        }
        callEnded = true;
        if (bridge != null) {
            services.metrics.droppedFrames(bridge.droppedFrames());
        }
        CallStatus status = status();
        services.events.publish(track, new CallEnded(status, endedReason(reason),
                Duration.between(startedAt, Instant.now()).toSeconds(), costs));
        services.metrics.callEnded();
        services.metrics.callEndedWith(status.name().toLowerCase(java.util.Locale.ROOT));
        onEnded.run();
    }

    private CallStatus status() {
        if (fallback != null) {
            return fallbackSucceeded && fallback.transfers() ? CallStatus.TRANSFERRED : CallStatus.FAILED;
        }
        if (transferredTo != null) {
            return CallStatus.TRANSFERRED;
        }
        return agentHungUp || callerSpoke ? CallStatus.COMPLETED : CallStatus.ABANDONED;
    }

    private String endedReason(String streamReason) {
        if (fallback != null) {
            return "ai_failure";
        }
        if (transferredTo != null) {
            return "transfer";
        }
        return agentHungUp ? "agent_goodbye" : streamReason;
    }

    private static String errorType(FailureKind kind) {
        if (kind == null) {
            return "pipeline_error";
        }
        return switch (kind) {
            case LLM -> "all_llm_failed";
            case TTS -> "all_tts_failed";
            case STT -> "stt_failed";
            case OTHER -> "pipeline_error";
        };
    }
}
