package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.pipeline.analysis.FinishedCall;
import com.spotfunnel.voice.pipeline.llm.ChatMessage;
import com.spotfunnel.voice.pipeline.provider.ProviderException;
import com.spotfunnel.voice.pipeline.provider.StageFailedException;
import com.spotfunnel.voice.pipeline.provider.StageListener;
import com.spotfunnel.voice.pipeline.stt.SttListener;
import com.spotfunnel.voice.pipeline.stt.SttProvider;
import com.spotfunnel.voice.pipeline.stt.SttStage;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One call's conversation: greeting, then caller utterance → LLM → sentence-by-sentence TTS → agent audio, with
 * barge-in, goodbye and transfer. Every entry point is synchronized and short (no I/O under the lock; sends are
 * non-blocking), so socket, provider and timer threads can all call in.
 *
 * <p>Where the call is lives in one {@link ConversationPhase}, changed only by {@link #moveTo}. Everything the
 * conversation works with comes in {@link ConversationDeps}, so it runs in a plain unit test as in production.
 */
public final class Conversation implements SttListener {

    private static final Logger LOG = Logger.getLogger(Conversation.class);
    private static final int BYTES_PER_SECOND = 8000;

    private final GatewayMessage.CallStart call;
    private final ConversationDeps deps;
    private final Consumer<PipelineMessage> out;
    private final long startedNanos;
    private final TenantAgent agent;
    private final KnowledgeLookahead lookahead;
    private final List<String> sttOrder;
    private final List<String> llmOrder;
    private final List<String> ttsOrder;
    private final List<ChatMessage> history = new ArrayList<>();
    private final List<TranscriptTurn> transcript = new ArrayList<>();
    private int nextTurn;
    /** The call's recognition (the STT stage's fallback across providers), null while none is wanted. */
    private SttStage.Session stt;
    /** Who heard the audio not billed yet (kept after recognition ended, for the last bill). */
    private SttProvider sttProvider;

    private long unbilledAudioBytes;
    /** With the turn trace on ({@link TurnTrace}): caller frames received, and when the last one arrived. */
    private int framesIn;

    private long lastFrameNanos;
    private long callerSpeechStartedMs = -1;
    private ConversationPhase phase = new ConversationPhase.Listening();
    /** Why the agent is taking a message instead of a transfer (after_hours, or the Dial's outcome), else null. */
    private String messageFor;

    Conversation(
            GatewayMessage.CallStart call, TenantAgent agent, ConversationDeps deps, Consumer<PipelineMessage> out) {
        this.call = call;
        this.deps = deps;
        this.out = out;
        this.startedNanos = deps.nanoTime().getAsLong();
        this.agent = agent;
        this.lookahead = new KnowledgeLookahead(
                agent::knowledge, deps.metrics(), agent.lookaheadWait(), agent.lookaheadMinRun());
        this.sttOrder = agent.sttOrder();
        this.llmOrder = agent.llmOrder();
        this.ttsOrder = agent.ttsOrder();
    }

    synchronized void start() {
        speak(agent.greeting(), null);
        openStt();
    }

    /** Where the call is now. */
    public synchronized ConversationPhase phase() {
        return phase;
    }

    // ---- from the gateway ----

    public synchronized void onAudio(byte[] audio) {
        if (TurnTrace.ON) {
            framesIn++;
            lastFrameNanos = System.nanoTime();
        }
        if (!phase.callerSteers() || stt == null) {
            return;
        }
        unbilledAudioBytes += audio.length;
        stt.send(audio);
    }

    public synchronized void onPlayed(String utteranceId) {
        AgentTurn turn = phase.turn();
        if (turn != null && turn.utteranceId.equals(utteranceId) && turn.done) {
            record(turn, false);
            if (phase instanceof ConversationPhase.Speaking) {
                moveTo(new ConversationPhase.Listening());
            }
        }
    }

    public synchronized void onDtmf(String digit) {
        if (phase.callerSteers() && "0".equals(digit)) {
            interruptIfSpeaking();
            transferOrTakeMessage(agent.transferAnnouncement(), "caller pressed 0");
        }
    }

    /**
     * The transfer did not connect and the caller is back (a new stream of the same call): the agent says so and takes
     * a message. Speech recognition starts afresh (the old stream's may have timed out while the transfer rang).
     */
    public synchronized void onTransferReturned(String outcome) {
        boolean ourTransfer = phase instanceof ConversationPhase.Concluding concluding
                && concluding.after() instanceof PipelineMessage.Transfer;
        // A gateway instance that did not hold the call carries the caller on as a new call: this conversation has
        // only just started (the caller has said nothing), and its greeting gives way to the apology.
        boolean carriedOn = phase.callerSteers() && transcript.stream().noneMatch(t -> t.speaker() == Speaker.CALLER);
        if (carriedOn) {
            interruptIfSpeaking();
        }
        if (!(ourTransfer || carriedOn) || !moveTo(new ConversationPhase.TransferFailed(outcome))) {
            return;
        }
        messageFor = outcome;
        billAudio(Math.max(0, nextTurn - 1));
        closeStt();
        speak(agent.transferFailedLine(), null);
        openStt();
    }

    /** A transfer within business hours; outside them the agent takes a message and says when the team is back. */
    private void transferOrTakeMessage(String announcement, String reason) {
        if (agent.openAt(deps.clock().instant()) && messageFor == null) {
            speak(announcement, new PipelineMessage.Transfer(reason));
        } else {
            if (messageFor == null) {
                messageFor = "after_hours";
            }
            speak(
                    "after_hours".equals(messageFor)
                            ? agent.afterHoursLine(deps.clock().instant())
                            : agent.transferFailedLine(),
                    null);
        }
    }

    /**
     * The caller hung up (socket still open: the last transcript and costs can still be sent). The recognizer is
     * asked for the words it still holds (Deepgram finalizes them only after CloseStream, bounded by its
     * {@code close-timeout}); they go into the transcript, then the call closes. Completes when it has.
     */
    public synchronized Uni<Void> onCallerHangup() {
        if (phase.closed() || phase instanceof ConversationPhase.HangingUp) {
            return Uni.createFrom().voidItem();
        }
        ConversationPhase before = phase;
        stopTurn(before.turn()); // its transcript still goes out: the socket is open
        moveTo(new ConversationPhase.HangingUp(before.transferred(), before.failure()));
        noteSttProvider();
        SttStage.Session listening = stt;
        stt = null;
        Uni<Void> lastWords = listening == null ? Uni.createFrom().voidItem() : listening.finish();
        Uni<Void> done = lastWords
                .onFailure()
                .recoverWithNull()
                .invoke(this::hungUp)
                .memoize()
                .indefinitely();
        done.subscribe().with(ok -> {}, failure -> {}); // under way whether or not the caller waits for it
        return done;
    }

    private synchronized void hungUp() {
        billAudio(Math.max(0, nextTurn - 1));
        close();
    }

    /** The socket closed, or the caller hung up: stop everything and hand the call to post-call analysis. */
    public synchronized void close() {
        if (phase.closed()) {
            return;
        }
        ConversationPhase before = phase;
        moveTo(new ConversationPhase.Closed(before.transferred(), before.failure()));
        stopTurn(before.turn()); // recorded for the analysis; nothing more is sent
        closeStt();
        FinishedCall finishedCall = new FinishedCall(
                call.tenantId(),
                call.callId(),
                call.callerPhone(),
                transcript,
                before.transferred(),
                before.failure(),
                llmOrder,
                messageFor);
        deps.analysis().publish(finishedCall).subscribe().with(ok -> {}, err -> {});
        deps.metrics().callEnded();
    }

    // ---- from the recognizer ----

    @Override
    public synchronized void onSpeechStarted() {
        if (callerSpeechStartedMs < 0) {
            callerSpeechStartedMs = offsetMs();
        }
        interruptIfSpeaking();
    }

    @Override
    public synchronized void onPartial(String heardSoFar) {
        if (phase.callerSteers()) {
            lookahead.heard(heardSoFar);
        }
    }

    @Override
    public synchronized void onUtterance(String text) {
        if (text.isBlank()) {
            return;
        }
        if (phase instanceof ConversationPhase.HangingUp) {
            recordCallerTurn(text); // the caller's last words, finalized after the hangup
            return;
        }
        if (!phase.callerSteers()) {
            return;
        }
        interruptIfSpeaking();
        recordCallerTurn(text);
        history.add(ChatMessage.user(text));
        TenantAgent.Reaction reaction = agent.react(text);
        if (reaction.intent() != Intent.CONVERSE) {
            lookahead.discard();
        }
        switch (reaction.intent()) {
            case TRANSFER -> transferOrTakeMessage(reaction.line(), "caller asked for a person");
            case GOODBYE -> speak(reaction.line(), new PipelineMessage.Hangup("caller said goodbye"));
            case CONVERSE -> reply(text);
        }
    }

    private void recordCallerTurn(String text) {
        int turnIndex = nextTurn++;
        long now = offsetMs();
        long started = callerSpeechStartedMs < 0 ? now : callerSpeechStartedMs;
        callerSpeechStartedMs = -1;
        TranscriptTurn turn = new TranscriptTurn(turnIndex, Speaker.CALLER, text, started, now - started, false);
        transcript.add(turn);
        out.accept(new PipelineMessage.Transcript(turn));
        billAudio(turnIndex);
    }

    /** Every STT provider of the order failed (the stage fails over by itself until then). */
    @Override
    public synchronized void onSessionFailed(Throwable cause) {
        if (phase instanceof ConversationPhase.Concluding || phase instanceof ConversationPhase.HangingUp) {
            return; // the call is ending anyway
        }
        noteSttProvider();
        stt = null;
        fail(
                cause instanceof StageFailedException
                        ? cause
                        : new StageFailedException(
                                FailureKind.STT,
                                "speech recognition broke: " + ProviderException.describe(cause),
                                cause));
    }

    // ---- the agent speaking ----

    private void reply(String question) {
        AgentTurn turn = newTurn(null, true);
        TurnTrace.Reply trace = null;
        if (TurnTrace.ON) {
            trace = new TurnTrace.Reply();
            trace.callSid = call.callSid();
            trace.utteranceId = turn.utteranceId;
            trace.frames = framesIn;
            trace.endpointFrameNanos = lastFrameNanos;
            trace.endpointNanos = System.nanoTime();
            turn.trace = trace;
        }
        TurnTrace.Reply traced = trace;
        // Knowledge first (never fails: no passages when admin-api cannot answer in time; usually found already,
        // while the caller was speaking), then the LLM.
        StageListener listener = listener(turn.index);
        Multi<String> tokens = agent.request(lookahead.forUtterance(question, trace), history)
                .onItem()
                .transformToMulti(request -> {
                    if (traced != null) {
                        traced.requestReadyNanos = System.nanoTime();
                    }
                    return deps.llm().stream(llmOrder, request, listener);
                });
        Multi<String> sentences = SentenceSplitter.sentences(tokens);
        if (traced != null) {
            sentences = sentences.onItem().invoke(sentence -> {
                if (traced.firstSentenceNanos == 0) {
                    traced.firstSentenceNanos = System.nanoTime();
                }
            });
        }
        play(turn, sentences);
    }

    /** A fixed line; with {@code after} (Hangup or Transfer) the call's last words, which end the caller's say. */
    private void speak(String text, PipelineMessage after) {
        play(newTurn(after, false), Multi.createFrom().iterable(SentenceSplitter.all(text)));
    }

    private AgentTurn newTurn(PipelineMessage after, boolean reply) {
        int index = nextTurn++;
        return new AgentTurn(
                index, call.callId() + "-" + index, offsetMs(), deps.nanoTime().getAsLong(), after, reply);
    }

    private void play(AgentTurn turn, Multi<String> sentences) {
        String voice = agent.voice();
        StageListener listener = listener(turn.index);
        Multi<Chunk> chunks = sentences
                .onItem()
                .transformToMultiAndConcatenate(sentence -> deps.tts()
                        .speak(ttsOrder, sentence, voice, listener)
                        .map(Chunk::audio)
                        .onCompletion()
                        .continueWith(Chunk.sentence(sentence)));
        if (!moveTo(
                turn.after == null
                        ? new ConversationPhase.Speaking(turn)
                        : new ConversationPhase.Concluding(turn, turn.after))) {
            return;
        }
        turn.subscription = chunks.subscribe()
                .with(chunk -> onChunk(turn, chunk), f -> onTurnFailed(turn, f), () -> onTurnDone(turn));
    }

    private synchronized void onChunk(AgentTurn turn, Chunk chunk) {
        if (turn.cancelled || phase.closed()) {
            return;
        }
        if (chunk.audio() != null) {
            if (!turn.audioSent && turn.reply) {
                deps.metrics().turnLatency(Duration.ofNanos(deps.nanoTime().getAsLong() - turn.startedNanos));
                if (turn.trace != null) {
                    turn.trace.firstAudioNanos = System.nanoTime();
                    turn.trace.log();
                }
            }
            turn.audioSent = true;
            out.accept(new PipelineMessage.AgentAudio(turn.utteranceId, chunk.audio(), false));
        } else {
            if (turn.heard.length() > 0) {
                turn.heard.append(' ');
            }
            turn.heard.append(chunk.sentence());
        }
    }

    private synchronized void onTurnDone(AgentTurn turn) {
        if (turn.cancelled || phase.closed()) {
            return;
        }
        turn.done = true;
        out.accept(new PipelineMessage.AgentAudio(turn.utteranceId, new byte[0], true));
        if (turn.after != null) {
            record(turn, false);
            out.accept(turn.after);
        }
    }

    private synchronized void onTurnFailed(AgentTurn turn, Throwable cause) {
        if (turn.cancelled || phase.closed()) {
            return;
        }
        turn.done = true;
        record(turn, turn.heard.length() > 0);
        fail(cause);
    }

    /** Barge-in: the caller cuts in on the agent's (interruptible) turn. */
    private void interruptIfSpeaking() {
        if (!(phase instanceof ConversationPhase.Speaking speaking)) {
            return;
        }
        AgentTurn turn = speaking.turn();
        moveTo(new ConversationPhase.Listening());
        turn.cancel();
        deps.metrics().bargeIn();
        if (turn.audioSent) {
            out.accept(new PipelineMessage.Clear("barge-in"));
        }
        record(turn, true);
    }

    private void record(AgentTurn turn, boolean interrupted) {
        if (turn.recorded) {
            return;
        }
        turn.recorded = true;
        String heard = turn.heard.toString();
        if (!heard.isEmpty()) {
            history.add(ChatMessage.assistant(interrupted ? heard + " …" : heard));
        }
        TranscriptTurn entry = new TranscriptTurn(
                turn.index, Speaker.AGENT, heard, turn.startedMs, offsetMs() - turn.startedMs, interrupted);
        transcript.add(entry);
        if (!phase.closed()) {
            out.accept(new PipelineMessage.Transcript(entry));
        }
    }

    /** Cancels the agent's turn, if any, and records it: interrupted unless all of it was produced. */
    private void stopTurn(AgentTurn turn) {
        if (turn != null) {
            turn.cancel();
            record(turn, !turn.done);
        }
    }

    private void fail(Throwable cause) {
        if (phase instanceof ConversationPhase.Failed || phase.closed()) {
            return; // the first failure decided; after the close nothing is reported
        }
        FailureKind kind = cause instanceof StageFailedException stage ? stage.kind() : FailureKind.OTHER;
        LOG.warnf("Call %s: %s stage exhausted: %s", call.callId(), kind, cause.getMessage());
        ConversationPhase before = phase;
        if (!moveTo(new ConversationPhase.Failed(kind, before.transferred()))) {
            return;
        }
        closeStt();
        stopTurn(before.turn()); // the gateway takes over the caller: nothing more from the agent
        out.accept(new PipelineMessage.Failed(kind, cause.getMessage()));
    }

    /**
     * The one place the phase changes. A move the current phase does not allow is a bug in this class: it is
     * logged and counted, and the phase stays as it was.
     *
     * @return whether the move was made (package-private for the unit tests of illegal moves)
     */
    synchronized boolean moveTo(ConversationPhase next) {
        if (!phase.mayMoveTo(next)) {
            LOG.errorf("BUG: call %s may not move from %s to %s; the phase stays", call.callId(), phase, next);
            deps.metrics().illegalPhaseMove(phase.name(), next.name());
            return false;
        }
        phase = next;
        return true;
    }

    // ---- recognition ----

    private void openStt() {
        SttStage.Session opening = deps.stt().open(sttOrder, this, listener(Math.max(0, nextTurn - 1)));
        if (stt == null && !phase.closed() && !(phase instanceof ConversationPhase.Failed)) {
            stt = opening; // (null again when every provider failed at once)
        } else {
            opening.close();
        }
    }

    private void closeStt() {
        if (stt != null) {
            noteSttProvider();
            SttStage.Session closing = stt;
            stt = null;
            closing.close();
        }
    }

    /** Remembers who hears the caller now: the audio not billed yet is billed to it. */
    private void noteSttProvider() {
        SttProvider heard = stt == null ? null : stt.provider();
        if (heard != null) {
            sttProvider = heard;
        }
    }

    private void billAudio(int turnIndex) {
        noteSttProvider();
        if (sttProvider != null && unbilledAudioBytes > 0) {
            listener(turnIndex)
                    .used(
                            Stage.STT,
                            sttProvider.name(),
                            sttProvider.model(),
                            unbilledAudioBytes / (double) BYTES_PER_SECOND,
                            "audio_seconds");
        }
        unbilledAudioBytes = 0;
    }

    // ---- helpers ----

    private StageListener listener(int turnIndex) {
        return new StageListener() {
            @Override
            public void providerFailed(ProviderFailed failed) {
                reportFailure(failed);
            }

            @Override
            public void used(Stage stage, String provider, String model, double quantity, String unit) {
                send(new PipelineMessage.Cost(deps.prices().price(turnIndex, stage, provider, model, quantity, unit)));
            }

            @Override
            public void firstByte(Stage stage, String provider, long nanos) {
                send(new PipelineMessage.StageLatency(stage, provider, TimeUnit.NANOSECONDS.toMillis(nanos)));
            }
        };
    }

    private synchronized void reportFailure(ProviderFailed failed) {
        deps.metrics().providerFailure();
        LOG.infof(
                "Call %s: %s provider %s failed (%s: %s), next: %s",
                call.callId(),
                failed.stage(),
                failed.provider(),
                failed.errorType(),
                failed.message(),
                failed.fallbackProvider());
        send(new PipelineMessage.ProviderFailure(failed));
    }

    private synchronized void send(PipelineMessage message) {
        if (!phase.closed()) {
            out.accept(message);
        }
    }

    private long offsetMs() {
        return (deps.nanoTime().getAsLong() - startedNanos) / 1_000_000;
    }

    /** An audio piece of a sentence, or the marker that the sentence was fully sent. */
    record Chunk(byte[] audio, String sentence) {
        static Chunk audio(byte[] audio) {
            return new Chunk(audio, null);
        }

        static Chunk sentence(String sentence) {
            return new Chunk(null, sentence);
        }
    }
}
