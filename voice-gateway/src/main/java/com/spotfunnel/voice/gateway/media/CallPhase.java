package com.spotfunnel.voice.gateway.media;

import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.gateway.fallback.FallbackPlan;
import java.util.Map;
import java.util.Set;

/**
 * Where one call is in its life, as its {@link CallSession} sees it. The session holds exactly one phase and changes
 * it only through {@code CallSession.moveTo}, which allows the moves {@link #mayMoveTo} lists; anything else is a bug
 * (logged, counted in {@code gateway_illegal_phase_moves_total}, no change). A new feature adds a phase here and
 * its moves, not a flag on the session.
 *
 * <pre>
 *   Live ──Hangup──▶ SayingGoodbye ──last mark echoed──▶ ClosingStream(goodbye)
 *     │ └─Transfer─▶ Transferring ──Twilio took it──▶ Transferred ──stream ended──▶ Dialing ──answered──▶ Draining
 *     │                   └──Twilio refused──▶ ClosingStream      no-answer/busy/failed ──┘
 *     │                                        ▼
 *     │               ReturningToAgent ──new stream started──▶ ReturnedToAgent (like Live, no second transfer)
 *     ├─(a new session carrying on a call whose Dial outcome reached an instance not holding it)─▶ ReturnedToAgent
 *     └─failure (from any phase where the AI has the caller)──▶ PlayingFallback(PENDING) ──▶ PlayingFallback(answered)
 *   stream ended (any of the above; deferred while Twilio is being updated) ──▶ Draining ──pipeline closed / timeout──▶ Ended
 *                                                                          └──(pipeline already closed)──────────────▶ Ended
 * </pre>
 */
public sealed interface CallPhase {

    /** Caller audio, marks and DTMF go to the pipeline, and what it says is carried out. */
    record Live() implements CallPhase {}

    /** The agent said goodbye (or a transfer has no number): the call goes on until the last mark echoes. */
    record SayingGoodbye() implements CallPhase {}

    /**
     * The gateway closed the Media Stream (the goodbye was heard, or Twilio refused the transfer) and waits for its
     * end; the pipeline is still served.
     *
     * @param agentGoodbye true when the agent ended the call (CallEnded {@code completed, agent_goodbye})
     */
    record ClosingStream(boolean agentGoodbye) implements CallPhase {}

    /**
     * The caller asked for a person: Twilio is being given the {@code <Dial>}. The pipeline is still served.
     *
     * @param endRequested the stream's end reason when it ended meanwhile (CallEnded waits for Twilio's answer so the
     *                     transfer's events come first), else null
     */
    record Transferring(String transferTo, String endRequested) implements CallPhase {}

    /** Twilio took the {@code <Dial>}; the stream ends when Twilio moves the call on. */
    record Transferred(String transferTo) implements CallPhase {}

    /**
     * Twilio is ringing the transfer number: the Media Stream ended when the {@code <Dial>} began, the pipeline socket
     * stays open so the agent can take the caller back. Waits for the person to answer ({@code /twilio/dial-answered}),
     * for the Dial's outcome ({@code /twilio/dial-result}), or for the timer ({@code timerId}: ring time + grace).
     */
    record Dialing(String transferTo, long timerId) implements CallPhase {}

    /**
     * The Dial did not connect ({@code outcome}: no-answer, busy, failed) and Twilio was told to open a new Media
     * Stream on this call; waits for its start, or the timer ({@code timerId}) ends the call.
     */
    record ReturningToAgent(String transferTo, String outcome, long timerId) implements CallPhase {}

    /**
     * The caller is back with the agent on the new stream after a transfer that did not connect ({@code outcome}); the
     * agent takes a message. As {@link Live}, except that no second transfer is tried.
     */
    record ReturnedToAgent(String outcome) implements CallPhase {}

    /**
     * The AI could not go on: the caller is Twilio's (the fallback message, then a transfer or a hang-up). Nothing
     * goes to the pipeline any more; what it still reports about the call (transcript, costs) is recorded.
     *
     * @param endRequested as in {@link Transferring}: the stream's end while Twilio's answer is pending
     */
    record PlayingFallback(FallbackPlan plan, TwilioAnswer answer, String endRequested) implements CallPhase {}

    /**
     * The caller side is over and {@code CallerHangup} was sent; the pipeline's last messages are still recorded until
     * it closes its socket or the drain timer ({@code timerId}) fires.
     */
    record Draining(CallEnding ending, long timerId) implements CallPhase {}

    /** CallEnded published: nothing more happens on this call. */
    record Ended(CallEnding ending) implements CallPhase {}

    /** What Twilio said to a REST update of the live call. */
    enum TwilioAnswer {
        PENDING,
        ACCEPTED,
        REFUSED
    }

    Map<Class<? extends CallPhase>, Set<Class<? extends CallPhase>>> MOVES = Map.ofEntries(
            Map.entry(
                    Live.class,
                    Set.of(
                            SayingGoodbye.class,
                            Transferring.class,
                            ReturnedToAgent.class,
                            PlayingFallback.class,
                            Draining.class,
                            Ended.class)),
            Map.entry(
                    SayingGoodbye.class,
                    Set.of(ClosingStream.class, PlayingFallback.class, Draining.class, Ended.class)),
            Map.entry(ClosingStream.class, Set.of(PlayingFallback.class, Draining.class, Ended.class)),
            Map.entry(
                    Transferring.class,
                    Set.of(Transferring.class, Transferred.class, ClosingStream.class, PlayingFallback.class)),
            Map.entry(Transferred.class, Set.of(Dialing.class, PlayingFallback.class, Draining.class, Ended.class)),
            Map.entry(Dialing.class, Set.of(ReturningToAgent.class, Draining.class, Ended.class)),
            Map.entry(ReturningToAgent.class, Set.of(ReturnedToAgent.class, Draining.class, Ended.class)),
            Map.entry(
                    ReturnedToAgent.class,
                    Set.of(SayingGoodbye.class, PlayingFallback.class, Draining.class, Ended.class)),
            Map.entry(PlayingFallback.class, Set.of(PlayingFallback.class, Draining.class, Ended.class)),
            Map.entry(Draining.class, Set.of(Ended.class)),
            Map.entry(Ended.class, Set.of()));

    /** Whether the session may go from this phase to {@code next}. */
    default boolean mayMoveTo(CallPhase next) {
        if (!MOVES.get(getClass()).contains(next.getClass())) {
            return false;
        }
        if (this instanceof Transferring here && next instanceof Transferring there) {
            // only to remember the stream's end
            return here.endRequested() == null
                    && there.endRequested() != null
                    && here.transferTo().equals(there.transferTo());
        }
        if (this instanceof PlayingFallback here && next instanceof PlayingFallback there) {
            // Twilio answers once; the stream's end is remembered once, while the answer is pending
            return here.plan().equals(there.plan())
                    && (here.answer() == TwilioAnswer.PENDING
                            && (there.answer() != TwilioAnswer.PENDING
                                    || here.endRequested() == null && there.endRequested() != null));
        }
        if (next instanceof Draining || next instanceof Ended) {
            return !awaitsTwilio();
        }
        return true;
    }

    /** The AI has the caller: caller audio, marks and DTMF go to the pipeline and its messages are carried out. */
    default boolean aiHasCaller() {
        return this instanceof Live
                || this instanceof ReturnedToAgent
                || this instanceof SayingGoodbye
                || this instanceof ClosingStream
                || this instanceof Transferring
                || this instanceof Transferred;
    }

    /** A REST update of the live call is under way: the stream's end waits for Twilio's answer. */
    default boolean awaitsTwilio() {
        return this instanceof Transferring
                || this instanceof PlayingFallback fallback && fallback.answer() == TwilioAnswer.PENDING;
    }

    /** The caller side is over. */
    default boolean callerGone() {
        return this instanceof Draining || this instanceof Ended;
    }

    /**
     * How the call ends if its stream ends now, in this phase.
     *
     * @param streamReason why the stream ended (the reason of a plain hang-up)
     * @param callerSpoke  whether the caller said anything
     */
    default CallEnding endingNow(String streamReason, boolean callerSpoke) {
        if (this instanceof Draining draining) {
            return draining.ending();
        }
        if (this instanceof Ended ended) {
            return ended.ending();
        }
        if (this instanceof PlayingFallback fallback) {
            boolean transferred = fallback.answer() == TwilioAnswer.ACCEPTED
                    && fallback.plan().transfers();
            return new CallEnding(
                    transferred ? CallStatus.TRANSFERRED : CallStatus.FAILED,
                    fallback.plan().endedReason());
        }
        if (this instanceof Transferred || this instanceof Transferring || this instanceof Dialing) {
            return new CallEnding(CallStatus.TRANSFERRED, "transfer");
        }
        if (this instanceof ClosingStream closing && closing.agentGoodbye()) {
            return new CallEnding(CallStatus.COMPLETED, "agent_goodbye");
        }
        return new CallEnding(callerSpoke ? CallStatus.COMPLETED : CallStatus.ABANDONED, streamReason);
    }

    /** The phase's name for logs and metric tags. */
    default String name() {
        return getClass().getSimpleName();
    }
}
