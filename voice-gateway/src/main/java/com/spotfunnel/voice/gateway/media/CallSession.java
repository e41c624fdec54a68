package com.spotfunnel.voice.gateway.media;

import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.CallCosts;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStarted;
import com.spotfunnel.voice.events.payload.CallTransferred;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.Severity;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.SystemError;
import com.spotfunnel.voice.gateway.bridge.BridgeListener;
import com.spotfunnel.voice.gateway.bridge.PipelineLink;
import com.spotfunnel.voice.gateway.events.CallTrack;
import com.spotfunnel.voice.gateway.fallback.FallbackPlan;
import com.spotfunnel.voice.gateway.media.CallPhase.TwilioAnswer;
import com.spotfunnel.voice.gateway.ops.CallMdc;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One live call: Twilio's Media Stream on one side, the pipeline socket on the other. Relays audio both
 * ways, turns pipeline results into events, marks agent utterances so the pipeline learns what the caller
 * heard, and runs the fallback when the AI cannot go on. Methods are short and synchronized: they run on
 * event loops (Twilio's and the pipeline's socket), on the fallback's completion and on the drain timer.
 *
 * <p>Where the call is lives in one {@link CallPhase}, changed only by {@link #moveTo}; the status CallEnded
 * reports is derived from the phase the call was in when its stream ended ({@link CallPhase#endingNow}).
 *
 * <p>When the caller hangs up the call ends in two steps: {@link #finish} sends {@code CallerHangup}, stops
 * sending and closes the Media Stream, but keeps reading the pipeline socket ({@link CallPhase.Draining}) so the
 * pipeline's last transcript turn and costs still become events; CallEnded follows once the pipeline closes the
 * socket or {@code gateway.pipeline-drain-timeout} passes, whichever comes first.
 */
public final class CallSession implements BridgeListener {

    private static final Logger LOG = Logger.getLogger(CallSession.class);

    /** Replaced (new streamSid) when the caller comes back to the agent on a new stream after a transfer. */
    private volatile CallContext call;

    private TwilioLink twilio;
    private final SessionServices services;
    private final CallTrack track;
    private final long startedNanos;
    private final Set<String> pendingMarks = new LinkedHashSet<>();
    private final Set<String> utterancesSeen = new HashSet<>();
    private final Runnable onEnded;
    private CallPhase phase = new CallPhase.Live();
    private PipelineLink bridge;
    private CallCosts costs = CallCosts.ZERO;
    /** Facts of the conversation (not phases): they only decide between completed and abandoned, and latency. */
    private boolean callerSpoke;

    private long lastCallerTurnNanos = -1;
    /** With the turn trace on ({@link TurnTrace}): when each of the last caller frames arrived, and how many did. */
    private final long[] frameArrivals = TurnTrace.ON ? new long[TurnTrace.FRAMES] : null;

    private int framesIn;
    /** The caller's last words, for the whisper of a warm transfer. */
    private final java.util.ArrayDeque<String> callerWords = new java.util.ArrayDeque<>();

    CallSession(CallContext call, TwilioLink twilio, SessionServices services, Runnable onEnded) {
        this.call = call;
        this.twilio = twilio;
        this.services = services;
        this.onEnded = onEnded;
        this.startedNanos = services.clock().nanoTime();
        this.track = services.events().track(call.callId(), call.tenantId(), call.callSid());
    }

    public CallContext call() {
        return call;
    }

    /** Where the call is now. */
    public synchronized CallPhase phase() {
        return phase;
    }

    synchronized void begin() {
        services.metrics().callStarted();
        services.events()
                .publish(
                        track,
                        new CallStarted(call.callSid(), call.callerPhone(), call.dialedNumber(), call.direction()));
        bridge = services.pipeline()
                .connect(
                        new GatewayMessage.CallStart(
                                call.callId(),
                                call.tenantId(),
                                call.callSid(),
                                call.streamSid(),
                                call.callerPhone(),
                                call.dialedNumber()),
                        this);
    }

    // ---- from Twilio ----

    synchronized void callerAudio(byte[] mulaw) {
        if (frameArrivals != null) {
            frameArrivals[++framesIn % TurnTrace.FRAMES] = System.nanoTime();
        }
        if (phase.aiHasCaller()) {
            bridge.sendAudio(mulaw);
        }
    }

    synchronized void markEchoed(String name) {
        if (phase.callerGone()) {
            return;
        }
        if (pendingMarks.remove(name) && phase.aiHasCaller()) {
            bridge.send(new GatewayMessage.Played(name));
        }
        if (phase instanceof CallPhase.SayingGoodbye && pendingMarks.isEmpty()) {
            closeStream(true);
        }
    }

    synchronized void dtmf(String digit) {
        if (phase.aiHasCaller()) {
            bridge.send(new GatewayMessage.Dtmf(digit));
        }
    }

    /** Twilio's stop, the socket closing, or a final status callback. */
    public synchronized void streamEnded(String reason) {
        if (phase instanceof CallPhase.Transferred transferred) {
            // Twilio ran the <Dial>: the stream's end is expected, the call goes on.
            awaitDialOutcome(transferred.transferTo());
        } else if (phase instanceof CallPhase.Dialing || phase instanceof CallPhase.ReturningToAgent) {
            return; // the old stream closing late; the call is not over
        } else if (phase instanceof CallPhase.Transferring transferring && transferring.endRequested() == null) {
            // The call's new TwiML is taking effect; its events come first, then CallEnded.
            moveTo(new CallPhase.Transferring(transferring.transferTo(), reason));
        } else if (phase instanceof CallPhase.PlayingFallback fallback
                && fallback.answer() == TwilioAnswer.PENDING
                && fallback.endRequested() == null) {
            moveTo(new CallPhase.PlayingFallback(fallback.plan(), TwilioAnswer.PENDING, reason));
        } else if (!phase.awaitsTwilio()) {
            finish(reason);
        }
    }

    /** Twilio's final status for the whole call (the status callback): the call is over whatever the phase. */
    public synchronized void callEnded(String reason) {
        if (phase instanceof CallPhase.Transferred
                || phase instanceof CallPhase.Dialing
                || phase instanceof CallPhase.ReturningToAgent) {
            cancelTransferTimer();
            finish(reason);
        } else {
            streamEnded(reason);
        }
    }

    // ---- the outcome of a transfer the caller asked for ----

    /**
     * The person called picked up ({@code <Number url>}): the transfer is done and the call's record ends here.
     *
     * @return the whisper the person hears before the caller is connected (warm transfer), or null
     */
    public synchronized String dialAnswered() {
        String transferTo;
        if (phase instanceof CallPhase.Dialing dialing) {
            transferTo = dialing.transferTo();
        } else if (phase instanceof CallPhase.Transferred transferred) {
            transferTo = transferred.transferTo(); // the stream's stop not processed yet
        } else {
            return null;
        }
        String whisper = services.planner().warmTransfer(call.tenant()) ? whisper() : null;
        services.events().publish(track, new CallTransferred(transferTo, "caller_request", "answered", false));
        services.metrics().transferOutcome("answered", false);
        cancelTransferTimer();
        finish("transfer");
        return whisper;
    }

    /**
     * Twilio's Dial ended without connecting ({@code DialCallStatus}). On no-answer, busy or failed the caller goes
     * back to the agent when the pipeline is still there: the webhook then answers with a new stream to this call.
     *
     * @return true when the caller is being returned to the agent
     */
    public synchronized boolean dialEnded(String outcome) {
        if (!(phase instanceof CallPhase.Dialing dialing)) {
            return false;
        }
        boolean returns = RETURNING_OUTCOMES.contains(outcome) && bridge != null && !bridge.isClosed();
        services.events().publish(track, new CallTransferred(dialing.transferTo(), "caller_request", outcome, returns));
        services.metrics().transferOutcome(outcome, returns);
        cancelTransferTimer();
        if (!returns) {
            finish("transfer");
            return false;
        }
        long timer = services.clock().setTimer(services.transferReturnTimeout(), this::returnTimedOut);
        if (!moveTo(new CallPhase.ReturningToAgent(dialing.transferTo(), outcome, timer))) {
            services.clock().cancelTimer(timer);
            return false;
        }
        return true;
    }

    /** The new stream of a caller returning to the agent started: the agent takes the caller back. */
    public synchronized boolean resume(String streamSid, TwilioLink link) {
        if (!(phase instanceof CallPhase.ReturningToAgent returning)) {
            return false;
        }
        services.clock().cancelTimer(returning.timerId());
        if (!moveTo(new CallPhase.ReturnedToAgent(returning.outcome()))) {
            return false;
        }
        call = new CallContext(
                call.callId(),
                call.tenantId(),
                call.callSid(),
                streamSid,
                call.callerPhone(),
                call.dialedNumber(),
                call.direction(),
                call.tenant());
        twilio = link;
        pendingMarks.clear();
        bridge.send(new GatewayMessage.TransferReturned(returning.outcome()));
        return true;
    }

    /**
     * This session carries on a call whose transfer ({@code outcome}) was reported to another instance that did not
     * hold it: the caller is already back with the agent, who takes a message; no second transfer is tried.
     */
    synchronized void returnedFromAnotherInstance(String outcome) {
        if (moveTo(new CallPhase.ReturnedToAgent(outcome))) {
            String transferTo = services.planner().transferNumber(call.tenant());
            services.events().publish(track, new CallTransferred(transferTo, "caller_request", outcome, true));
            services.metrics().transferOutcome(outcome, true);
            bridge.send(new GatewayMessage.TransferReturned(outcome));
        }
    }

    private void awaitDialOutcome(String transferTo) {
        Duration wait = Duration.ofSeconds(services.planner().ringSeconds(call.tenant()))
                .plus(services.transferOutcomeGrace());
        long timer = services.clock().setTimer(wait, this::dialTimedOut);
        if (!moveTo(new CallPhase.Dialing(transferTo, timer))) {
            services.clock().cancelTimer(timer);
        }
    }

    private synchronized void dialTimedOut() {
        if (phase instanceof CallPhase.Dialing dialing) {
            // Twilio never said: the caller is with the person or gone; the record ends as transferred.
            services.events()
                    .publish(track, new CallTransferred(dialing.transferTo(), "caller_request", "unknown", false));
            services.metrics().transferOutcome("unknown", false);
            finish("transfer");
        }
    }

    private synchronized void returnTimedOut() {
        if (phase instanceof CallPhase.ReturningToAgent) {
            finish("transfer_return_failed");
        }
    }

    private void cancelTransferTimer() {
        if (phase instanceof CallPhase.Dialing dialing) {
            services.clock().cancelTimer(dialing.timerId());
        } else if (phase instanceof CallPhase.ReturningToAgent returning) {
            services.clock().cancelTimer(returning.timerId());
        }
    }

    /** Who is calling and why, from the conversation so far, for the person answering a warm transfer. */
    private String whisper() {
        StringBuilder text = new StringBuilder("Transferred call from ");
        String phone = call.callerPhone() == null ? "" : call.callerPhone().replaceAll("[^0-9]", "");
        text.append(phone.isEmpty() ? "an unknown number" : String.join(" ", phone.split("")));
        if (!callerWords.isEmpty()) {
            String said = String.join(" ", callerWords);
            int max = Math.max(40, services.maxWhisperChars());
            if (said.length() > max) {
                said = "…" + said.substring(said.length() - max);
            }
            text.append(". The caller said: ").append(said);
        }
        return text.append(". Connecting you now.").toString();
    }

    // ---- from the pipeline ----

    @Override
    public synchronized void onPipelineMessage(PipelineMessage message) {
        if (phase instanceof CallPhase.Ended) {
            return;
        }
        if (!phase.aiHasCaller()) {
            // after a fallback or the hang-up the pipeline still reports what the call cost; the caller is gone
            lateMessage(message);
            return;
        }
        try {
            handle(message);
        } catch (RuntimeException e) {
            CallMdc.log(
                    call.callId(),
                    call.tenantId(),
                    () -> LOG.errorf(e, "Unexpected error handling pipeline message on call %s", call.callId()));
            fail(FailureKind.OTHER, "gateway_error", e.getClass().getSimpleName());
        }
    }

    private void handle(PipelineMessage message) {
        if (message instanceof PipelineMessage.AgentAudio audio) {
            agentAudio(audio);
        } else if (message instanceof PipelineMessage.Clear) {
            pendingMarks.clear();
            twilio.sendClear();
        } else if (message instanceof PipelineMessage.Transcript transcript) {
            if (transcript.turn().speaker() == Speaker.CALLER) {
                callerSpoke = true;
                if (transcript.turn().text() != null
                        && !transcript.turn().text().isBlank()) {
                    callerWords.addLast(transcript.turn().text().strip());
                    if (callerWords.size() > 3) {
                        callerWords.removeFirst();
                    }
                }
                lastCallerTurnNanos = services.clock().nanoTime();
                if (frameArrivals != null) {
                    TurnTrace.callerTurn(call.callSid(), framesIn, frameArrivals, System.nanoTime());
                }
            }
            services.events().publish(track, transcript.turn());
        } else if (message instanceof PipelineMessage.Cost cost) {
            costs = costs.plus(cost.cost().stage(), cost.cost().costUsd());
            services.events().publish(track, cost.cost());
        } else if (message instanceof PipelineMessage.ProviderFailure failure) {
            services.events().publish(track, failure.failure());
        } else if (message instanceof PipelineMessage.StageLatency latency && latency.stage() != null) {
            services.metrics()
                    .providerFirstByte(
                            latency.stage().name().toLowerCase(Locale.ROOT),
                            latency.provider(),
                            Duration.ofMillis(Math.max(0, latency.firstByteMs())));
        } else if (message instanceof PipelineMessage.Failed failed) {
            fail(failed.kind() == null ? FailureKind.OTHER : failed.kind(), errorType(failed.kind()), failed.detail());
        } else if (message instanceof PipelineMessage.Transfer) {
            if (phase instanceof CallPhase.Live) {
                transfer();
            }
        } else if (message instanceof PipelineMessage.Hangup) {
            if (phase instanceof CallPhase.Live || phase instanceof CallPhase.ReturnedToAgent) {
                sayGoodbye();
            }
        }
    }

    /**
     * What the pipeline sends after CallerHangup: its record of the call (transcript, costs, provider failures,
     * provider latencies) still counts; anything meant for the caller (audio, clear) or the call's course is moot.
     */
    private void lateMessage(PipelineMessage message) {
        if (message instanceof PipelineMessage.Transcript
                || message instanceof PipelineMessage.Cost
                || message instanceof PipelineMessage.ProviderFailure
                || message instanceof PipelineMessage.StageLatency) {
            try {
                handle(message);
            } catch (RuntimeException e) {
                CallMdc.log(
                        call.callId(),
                        call.tenantId(),
                        () -> LOG.errorf(
                                e, "Unexpected error handling a late pipeline message on call %s", call.callId()));
            }
        }
    }

    private void agentAudio(PipelineMessage.AgentAudio audio) {
        boolean first = utterancesSeen.add(audio.utteranceId());
        if (first && frameArrivals != null) {
            TurnTrace.agentAudio(call.callSid(), audio.utteranceId(), System.nanoTime());
        }
        if (first && lastCallerTurnNanos >= 0) {
            services.metrics().turnLatency(Duration.ofNanos(services.clock().nanoTime() - lastCallerTurnNanos));
            lastCallerTurnNanos = -1;
        }
        if (audio.audio() != null && audio.audio().length > 0) {
            twilio.sendAudio(audio.audio());
        }
        if (audio.last()) {
            pendingMarks.add(audio.utteranceId());
            twilio.sendMark(audio.utteranceId());
        }
    }

    @Override
    public synchronized void onBridgeBroken(String reason) {
        // The pipeline closed its socket (or it broke): nothing more will come from it, and nothing more goes to it.
        if (bridge != null) {
            bridge.close(null);
        }
        if (phase instanceof CallPhase.Draining) {
            // the pipeline closed the socket after its last messages: the call's record is complete
            endDrained();
            return;
        }
        if (phase.aiHasCaller() && PipelineLink.PIPELINE_BUSY.equals(reason)) {
            CallMdc.log(
                    call.callId(),
                    call.tenantId(),
                    () -> LOG.warnf("Call %s refused: pipeline-service is at its conversation limit", call.callId()));
            refuse();
        } else if (phase.aiHasCaller()) {
            CallMdc.log(
                    call.callId(),
                    call.tenantId(),
                    () -> LOG.warnf("Pipeline socket of call %s broke (%s)", call.callId(), reason));
            fail(FailureKind.OTHER, "pipeline_disconnected", "pipeline socket " + reason);
        }
    }

    @Override
    public void onBadPipelineFrame() {
        services.metrics().mediaRejected("bad_pipeline_frame");
    }

    /** An unexpected error on this call's Twilio socket. */
    synchronized void unexpectedError(Throwable error) {
        if (phase.aiHasCaller()) {
            fail(FailureKind.OTHER, "gateway_error", error.getClass().getSimpleName());
        }
    }

    // ---- the call's course ----

    /**
     * The one place the phase changes. A move the current phase does not allow is a bug in this class: it is
     * logged and counted, and the phase stays as it was.
     *
     * @return whether the move was made (package-private for the unit tests of illegal moves)
     */
    synchronized boolean moveTo(CallPhase next) {
        if (!phase.mayMoveTo(next)) {
            CallPhase from = phase;
            CallMdc.log(
                    call.callId(),
                    call.tenantId(),
                    () -> LOG.errorf(
                            "BUG: call %s may not move from %s to %s; the phase stays", call.callId(), from, next));
            services.metrics().illegalPhaseMove(from.name(), next.name());
            return false;
        }
        phase = next;
        return true;
    }

    private void sayGoodbye() {
        if (moveTo(new CallPhase.SayingGoodbye()) && pendingMarks.isEmpty()) {
            closeStream(true);
        }
    }

    /** Closing the stream ends the call (nothing follows {@code </Connect>}); its end arrives as {@link #streamEnded}. */
    private void closeStream(boolean agentGoodbye) {
        if (moveTo(new CallPhase.ClosingStream(agentGoodbye))) {
            twilio.close();
        }
    }

    private void fail(FailureKind kind, String errorType, String detail) {
        playFallback(
                services.planner().plan(call.tenant(), kind, call.callId()),
                new SystemError(
                        errorType,
                        Severity.ERROR,
                        "voice-gateway",
                        detail == null ? errorType : detail,
                        null,
                        Map.of("callSid", call.callSid(), "kind", kind.name().toLowerCase(Locale.ROOT))));
    }

    /**
     * pipeline-service refused the conversation (at its live-conversation limit) after Twilio was given the stream:
     * too late for the webhook's answers, so the caller hears the busy message through the REST update and the call
     * is recorded as refused, like one refused at the webhook ({@code capacity_refused}, reason
     * {@code pipeline_busy}), and ends {@code failed / capacity_refused}.
     */
    private void refuse() {
        services.metrics().admissionRefused(PipelineLink.PIPELINE_BUSY);
        playFallback(
                services.planner().busy(call.tenant()),
                new SystemError(
                        FallbackPlan.CAPACITY_REFUSED,
                        Severity.WARNING,
                        "voice-gateway",
                        "Call refused: pipeline-service is at its live-conversation limit",
                        null,
                        Map.of("callSid", call.callSid(), "reason", PipelineLink.PIPELINE_BUSY, "answer", "message")));
    }

    private void playFallback(FallbackPlan plan, SystemError error) {
        if (!moveTo(new CallPhase.PlayingFallback(plan, TwilioAnswer.PENDING, null))) {
            return;
        }
        services.events().publish(track, error);
        // Half-close: the pipeline stops, answers with its last costs and transcript, then closes (kept until
        // CallEnded).
        bridge.hangUp(new GatewayMessage.CallerHangup("fallback"));
        services.control().playFallback(track, plan).subscribe().with(accepted -> fallbackAnswered(plan, accepted));
    }

    private synchronized void fallbackAnswered(FallbackPlan plan, boolean accepted) {
        if (!(phase instanceof CallPhase.PlayingFallback fallback) || fallback.plan() != plan) {
            return;
        }
        if (moveTo(
                new CallPhase.PlayingFallback(plan, accepted ? TwilioAnswer.ACCEPTED : TwilioAnswer.REFUSED, null))) {
            twilioAnswered(accepted, fallback.endRequested());
        }
    }

    private void transfer() {
        String twiml = services.planner().transferTwiml(call.tenant(), call.callId());
        if (twiml == null) {
            sayGoodbye();
            return;
        }
        String transferTo = services.planner().transferNumber(call.tenant());
        if (moveTo(new CallPhase.Transferring(transferTo, null))) {
            services.control().transfer(track, transferTo, twiml).subscribe().with(this::transferAnswered);
        }
    }

    private synchronized void transferAnswered(boolean accepted) {
        if (!(phase instanceof CallPhase.Transferring transferring)) {
            return; // a fallback took over meanwhile: its answer decides
        }
        boolean moved = accepted
                ? moveTo(new CallPhase.Transferred(transferring.transferTo()))
                : moveTo(new CallPhase.ClosingStream(false));
        if (moved && accepted && transferring.endRequested() != null) {
            awaitDialOutcome(transferring.transferTo()); // the stream ended while Twilio was being updated
        } else if (moved) {
            twilioAnswered(accepted, transferring.endRequested());
        }
    }

    private void twilioAnswered(boolean accepted, String endRequested) {
        if (!accepted) {
            // Twilio would not take the TwiML: end the stream, which ends the call, rather than leave silence.
            twilio.close();
        }
        if (endRequested != null) {
            finish(endRequested);
        }
    }

    // ---- the end ----

    private void finish(String reason) {
        if (phase.callerGone()) {
            return;
        }
        CallEnding ending = phase.endingNow(reason, callerSpoke);
        if (bridge != null && !bridge.isClosed()) {
            // The pipeline answers CallerHangup with its last transcript turn and costs: keep listening. (After a
            // fallback it was sent already; the pipeline usually closed long before Twilio's stop.)
            twilio.close();
            bridge.hangUp(new GatewayMessage.CallerHangup(reason));
            // the drain timeout counts from the CallerHangup just sent
            long timer = services.clock().setTimer(services.pipelineDrainTimeout(), this::drainTimedOut);
            if (!moveTo(new CallPhase.Draining(ending, timer))) {
                services.clock().cancelTimer(timer);
            }
            return;
        }
        twilio.close();
        if (bridge != null) {
            bridge.close(new GatewayMessage.CallerHangup(reason)); // not sent when a fallback hung up already
        }
        publishEnded(ending);
    }

    private synchronized void drainTimedOut() {
        if (phase instanceof CallPhase.Draining) {
            CallMdc.log(
                    call.callId(),
                    call.tenantId(),
                    () -> LOG.debugf(
                            "Pipeline of call %s did not close within %s of the hang-up; ending the call",
                            call.callId(), services.pipelineDrainTimeout()));
            endDrained();
        }
    }

    private void endDrained() {
        CallPhase.Draining draining = (CallPhase.Draining) phase;
        if (draining.timerId() >= 0) {
            services.clock().cancelTimer(draining.timerId());
        }
        bridge.close(null);
        publishEnded(draining.ending());
    }

    private void publishEnded(CallEnding ending) {
        if (!moveTo(new CallPhase.Ended(ending))) {
            return;
        }
        if (bridge != null) {
            services.metrics().droppedFrames(bridge.droppedFrames());
        }
        services.events()
                .publish(
                        track,
                        new CallEnded(
                                ending.status(),
                                ending.reason(),
                                Duration.ofNanos(services.clock().nanoTime() - startedNanos)
                                        .toSeconds(),
                                costs));
        services.metrics().callEnded();
        services.metrics().callEndedWith(ending.status().name().toLowerCase(Locale.ROOT));
        onEnded.run();
    }

    private static final Set<String> RETURNING_OUTCOMES = Set.of("no-answer", "busy", "failed");

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
