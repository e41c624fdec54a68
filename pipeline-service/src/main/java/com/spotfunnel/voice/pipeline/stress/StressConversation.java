package com.spotfunnel.voice.pipeline.stress;

import com.spotfunnel.voice.events.stress.ConversationResult;
import com.spotfunnel.voice.events.stress.ConversationResult.Turn;
import com.spotfunnel.voice.events.stress.PersonaSpec;
import com.spotfunnel.voice.events.stress.Verdict;
import com.spotfunnel.voice.pipeline.conversation.TenantAgent;
import com.spotfunnel.voice.pipeline.llm.ChatMessage;
import com.spotfunnel.voice.pipeline.llm.LlmChain;
import com.spotfunnel.voice.pipeline.llm.LlmRequest;
import com.spotfunnel.voice.pipeline.provider.ProviderException;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * One text conversation of a stress test: the agent greets; then, turn by turn, the persona LLM says the caller's
 * next line and the agent reacts exactly as on a live call ({@link TenantAgent}: goodbye and transfer phrases end
 * the call, anything else goes to the tenant's LLM chain with its prompt and knowledge); finally the judge LLM
 * scores the transcript. Every failure (a chain with no provider left, the timeout) becomes a failed result
 * carrying the error: it never fails the run.
 */
final class StressConversation {

    static final String CALLER = "caller";
    static final String AGENT = "agent";
    static final String TRANSFER = "transfer";
    static final String HANGUP = "hangup";
    static final String MAX_TURNS = "max_turns";
    static final String ERROR = "error";

    /** What every conversation of a run shares. */
    record Setup(
            TenantAgent agent,
            String business,
            String industry,
            int maxTurns,
            List<String> personaOrder,
            List<String> judgeOrder,
            int minScore,
            java.time.Duration timeout,
            LlmChain llm) {}

    private final int index;
    private final PersonaSpec persona;
    private final Setup setup;
    private final ConversationCosts costs;
    private final List<Turn> turns = new CopyOnWriteArrayList<>();
    private final List<ChatMessage> history = new CopyOnWriteArrayList<>();
    private volatile String ending = ERROR;

    StressConversation(int index, PersonaSpec persona, Setup setup, ConversationCosts costs) {
        this.index = index;
        this.persona = persona;
        this.setup = setup;
        this.costs = costs;
    }

    Uni<ConversationResult> run() {
        return Uni.createFrom()
                .deferred(() -> {
                    String greeting = setup.agent().greeting();
                    say(AGENT, greeting);
                    history.add(ChatMessage.assistant(greeting));
                    return callerTurn(0);
                })
                .onItem()
                .transformToUni(end -> {
                    ending = end;
                    return judge();
                })
                .map(verdict -> result(verdict, null))
                .ifNoItem()
                .after(setup.timeout())
                .failWith(() -> new StepFailed(
                        "conversation",
                        new ProviderException(
                                "timeout", "no result within " + setup.timeout().toSeconds() + " s")))
                .onFailure()
                .recoverWithItem(failure -> {
                    String error = failure instanceof StepFailed step
                            ? step.getMessage()
                            : "conversation broke: " + ProviderException.describe(failure);
                    return result(Verdict.failed(error), error);
                });
    }

    private Uni<String> callerTurn(int turn) {
        if (turn >= setup.maxTurns()) {
            return Uni.createFrom().item(MAX_TURNS);
        }
        LlmRequest ask = CallerPersona.request(persona, setup.business(), setup.industry(), List.copyOf(turns));
        return text("caller persona", setup.personaOrder(), ask, ConversationCosts.Role.PERSONA)
                .onItem()
                .transformToUni(line -> {
                    if (line.isEmpty()) {
                        return Uni.createFrom()
                                .failure(new StepFailed(
                                        "caller persona", new ProviderException("bad_response", "it said nothing")));
                    }
                    say(CALLER, line);
                    history.add(ChatMessage.user(line));
                    TenantAgent.Reaction reaction = setup.agent().react(line);
                    return switch (reaction.intent()) {
                        case TRANSFER -> ended(reaction.line(), TRANSFER);
                        case GOODBYE -> ended(reaction.line(), HANGUP);
                        case CONVERSE ->
                            setup.agent()
                                    .request(line, history)
                                    .onItem()
                                    .transformToUni(request -> text(
                                            "agent", setup.agent().llmOrder(), request, ConversationCosts.Role.AGENT))
                                    .onItem()
                                    .transformToUni(reply -> {
                                        say(AGENT, reply);
                                        history.add(ChatMessage.assistant(reply));
                                        return callerTurn(turn + 1);
                                    });
                    };
                });
    }

    private Uni<String> ended(String line, String how) {
        say(AGENT, line);
        return Uni.createFrom().item(how);
    }

    private Uni<Verdict> judge() {
        String callerWords = turns.stream()
                .filter(t -> CALLER.equals(t.speaker()))
                .map(Turn::text)
                .collect(Collectors.joining(" "));
        return setup.agent()
                .request(callerWords, List.of())
                .map(briefing -> Judge.request(briefing.systemPrompt(), persona, transcript(), describe(ending)))
                .onItem()
                .transformToUni(ask -> text("judge", setup.judgeOrder(), ask, ConversationCosts.Role.JUDGE))
                .map(answer -> Judge.read(answer, setup.minScore()));
    }

    private Uni<String> text(String who, List<String> order, LlmRequest request, ConversationCosts.Role role) {
        return setup.llm().stream(order, request, costs.listener(role))
                .collect()
                .with(Collectors.joining())
                .map(String::strip)
                .onFailure()
                .transform(failure -> failure instanceof StepFailed ? failure : new StepFailed(who, failure));
    }

    private void say(String speaker, String text) {
        turns.add(new Turn(speaker, text));
    }

    private String transcript() {
        return turns.stream()
                .map(t -> (CALLER.equals(t.speaker()) ? "Caller: " : "Agent: ") + t.text())
                .collect(Collectors.joining("\n"));
    }

    private String describe(String how) {
        return switch (how) {
            case TRANSFER -> "the agent transferred the caller to a person";
            case HANGUP -> "the caller said goodbye and the agent ended the call";
            case MAX_TURNS -> "the test stopped after " + setup.maxTurns() + " caller turns";
            default -> how;
        };
    }

    private ConversationResult result(Verdict verdict, String error) {
        return new ConversationResult(
                index,
                persona.name(),
                List.copyOf(turns),
                transcript(),
                error != null && ending.equals(ERROR) ? ERROR : ending,
                verdict,
                error,
                costs.total());
    }

    /** A step of the conversation that broke, named so the operator knows whose LLM chain failed. */
    private static final class StepFailed extends RuntimeException {
        StepFailed(String who, Throwable cause) {
            super(who + " failed: " + ProviderException.describe(cause), cause, false, false);
        }
    }
}
