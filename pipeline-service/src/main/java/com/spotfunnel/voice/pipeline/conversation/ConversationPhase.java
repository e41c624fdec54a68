package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.FailureKind;
import java.util.Map;
import java.util.Set;

/**
 * Where one call's {@link Conversation} is. The conversation holds exactly one phase and changes it only through
 * {@code Conversation.moveTo}, which allows the moves {@link #mayMoveTo} lists; anything else is a bug (logged,
 * counted in {@code pipeline_illegal_phase_moves_total}, no change). A new feature adds a phase here and its moves,
 * not a flag on the conversation.
 *
 * <pre>
 *   Listening ──agent turn──▶ Speaking(turn) ──Played / barge-in──▶ Listening
 *       └──goodbye / transfer / DTMF 0──▶ Concluding(turn, Hangup | Transfer)
 *   Concluding(Transfer) ──the gateway: the Dial did not connect──▶ TransferFailed ──message prompt──▶ Speaking
 *   Listening (a new call carrying on one whose transfer failed, before the caller spoke) ──▶ TransferFailed
 *   Listening, Speaking, Concluding, TransferFailed ──a stage ran out of providers──▶ Failed
 *   any but Closed ──CallerHangup──▶ HangingUp ──the recognizer's last words (bounded)──▶ Closed
 *   any but Closed ──socket closed──▶ Closed
 * </pre>
 */
public sealed interface ConversationPhase {

    /** The caller has the floor; nothing the agent said is still unheard. */
    record Listening() implements ConversationPhase {}

    /** The agent is saying {@code turn}, or said it and the caller has not heard all of it: the caller may cut in. */
    record Speaking(AgentTurn turn) implements ConversationPhase {}

    /**
     * The agent's last words (farewell or transfer announcement), then {@code after} (Hangup or Transfer). They cannot
     * be interrupted, and nothing the caller says changes the call's course any more.
     */
    record Concluding(AgentTurn turn, PipelineMessage after) implements ConversationPhase {}

    /**
     * The transfer this conversation asked for did not connect ({@code outcome}: no-answer, busy, failed) and the
     * caller is back on a new stream: the agent says so and takes a message (then Speaking, Listening as usual).
     */
    record TransferFailed(String outcome) implements ConversationPhase {}

    /**
     * The caller hung up: the recognizer's last words are awaited (they go into the transcript), then Closed. The
     * agent says nothing more; the socket is still open for the last transcript and costs.
     */
    record HangingUp(boolean transferred, FailureKind failure) implements ConversationPhase {}

    /** A stage ran out of providers: the gateway has the caller; nothing more comes from the agent. */
    record Failed(FailureKind kind, boolean transferred) implements ConversationPhase {}

    /** The socket closed (or the caller hung up): the call went to post-call analysis and nothing more is sent. */
    record Closed(boolean transferred, FailureKind failure) implements ConversationPhase {}

    Map<Class<? extends ConversationPhase>, Set<Class<? extends ConversationPhase>>> MOVES = Map.of(
            Listening.class,
                    Set.of(
                            Speaking.class,
                            Concluding.class,
                            TransferFailed.class,
                            Failed.class,
                            HangingUp.class,
                            Closed.class),
            Speaking.class, Set.of(Listening.class, Failed.class, HangingUp.class, Closed.class),
            Concluding.class, Set.of(TransferFailed.class, Failed.class, HangingUp.class, Closed.class),
            TransferFailed.class, Set.of(Speaking.class, Failed.class, HangingUp.class, Closed.class),
            Failed.class, Set.of(HangingUp.class, Closed.class),
            HangingUp.class, Set.of(Closed.class),
            Closed.class, Set.of());

    /** Whether the conversation may go from this phase to {@code next}. */
    default boolean mayMoveTo(ConversationPhase next) {
        if (next instanceof TransferFailed) {
            // only a transfer can fail to connect: this conversation's, or, on a call a gateway instance carries on
            // for another that held it, the first call's (from Listening; Conversation checks the caller said nothing)
            return this instanceof Concluding concluding && concluding.after() instanceof PipelineMessage.Transfer
                    || this instanceof Listening;
        }
        return MOVES.get(getClass()).contains(next.getClass());
    }

    /** The caller's words and keys still steer the call (no goodbye, transfer, failure or close yet). */
    default boolean callerSteers() {
        return this instanceof Listening || this instanceof Speaking;
    }

    /** Nothing more may be sent on the socket. */
    default boolean closed() {
        return this instanceof Closed;
    }

    /** The agent turn this phase is about (being said or not yet heard), or null. */
    default AgentTurn turn() {
        if (this instanceof Speaking speaking) {
            return speaking.turn();
        }
        return this instanceof Concluding concluding ? concluding.turn() : null;
    }

    /** Whether the caller asked for (and is being given) a person. */
    default boolean transferred() {
        if (this instanceof Concluding concluding) {
            return concluding.after() instanceof PipelineMessage.Transfer;
        }
        if (this instanceof Failed failed) {
            return failed.transferred();
        }
        if (this instanceof HangingUp hangingUp) {
            return hangingUp.transferred();
        }
        return this instanceof Closed closed && closed.transferred();
    }

    /** The stage that ran out of providers, or null. */
    default FailureKind failure() {
        if (this instanceof Failed failed) {
            return failed.kind();
        }
        if (this instanceof HangingUp hangingUp) {
            return hangingUp.failure();
        }
        return this instanceof Closed closed ? closed.failure() : null;
    }

    /** The phase's name for logs and metric tags. */
    default String name() {
        return getClass().getSimpleName();
    }
}
