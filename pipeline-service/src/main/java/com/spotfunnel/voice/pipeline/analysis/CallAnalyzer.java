package com.spotfunnel.voice.pipeline.analysis;

import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.payload.Priority;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import com.spotfunnel.voice.pipeline.llm.ChatMessage;
import com.spotfunnel.voice.pipeline.llm.LlmChain;
import com.spotfunnel.voice.pipeline.llm.LlmRequest;
import com.spotfunnel.voice.pipeline.provider.StageListener;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Post-call extraction through the call's LLM chain: summary, reason, outcome, captured data, requires-action
 * and priority. It never fails: when the LLM fails, times out or answers something unreadable, a basic analysis
 * built from what the pipeline knows (transferred? failed?) is returned instead, marked for follow-up.
 */
@ApplicationScoped
public class CallAnalyzer {

    private static final Logger LOG = Logger.getLogger(CallAnalyzer.class);
    private static final Set<String> OUTCOMES =
            Set.of("appointment_booked", "question_answered", "callback_requested", "transferred", "no_resolution");
    /** The analysis prompt (public: the simulated LLM recognises it). */
    public static final String INSTRUCTIONS = """
            You analyse a finished phone call between a caller and a business's AI receptionist.
            Reply with ONE JSON object and nothing else, with these fields:
            "summary" (one or two sentences), "reasonForCalling" (short), "outcome" (one of appointment_booked,
            question_answered, callback_requested, transferred, no_resolution), "capturedData" (object with what
            the caller gave: name, phone, email, appointment time, ...), "requiresAction" (true when staff must
            follow up), "priority" (low, medium, high or urgent).""";

    private final LlmChain llm;
    private final PipelineConfig config;

    public CallAnalyzer(LlmChain llm, PipelineConfig config) {
        this.llm = llm;
        this.config = config;
    }

    public Uni<CallAnalyzed> analyze(FinishedCall call) {
        if (!call.callerSpoke()) {
            return Uni.createFrom().item(basic(call, "The caller said nothing."));
        }
        String transcript = call.transcript().stream()
                .map(t -> (t.speaker() == Speaker.CALLER ? "Caller: " : "Agent: ") + t.text())
                .collect(Collectors.joining("\n"));
        LlmRequest request = new LlmRequest(INSTRUCTIONS, List.of(ChatMessage.user(transcript)));
        return llm.stream(call.llmOrder(), request, StageListener.NONE)
                .collect()
                .with(Collectors.joining())
                .ifNoItem()
                .after(config.analysis().timeout())
                .fail()
                .map(answer -> parse(answer, call))
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf(
                            "Post-call analysis of call %s fell back to the basic one: %s",
                            call.callId(), failure.toString());
                    return basic(
                            call,
                            "Automatic analysis unavailable; "
                                    + call.transcript().size() + " turns.");
                });
    }

    CallAnalyzed parse(String answer, FinishedCall call) {
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("no JSON object in the analysis");
        }
        JsonObject json = new JsonObject(answer.substring(start, end + 1));
        String outcome = json.getString("outcome", "").toLowerCase(Locale.ROOT);
        if (!OUTCOMES.contains(outcome)) {
            outcome = fallbackOutcome(call);
        }
        Object captured = json.getValue("capturedData");
        Map<String, Object> data = captured instanceof JsonObject object ? object.getMap() : Map.of();
        return withMessage(
                call,
                new CallAnalyzed(
                        json.getString("summary", ""),
                        json.getString("reasonForCalling", ""),
                        outcome,
                        data,
                        json.getBoolean("requiresAction", false),
                        priority(json.getString("priority"))));
    }

    /**
     * A call on which the agent took a message instead of a transfer (issue 14) always requires action: it is a
     * callback the tenant's staff owe, with the message (what the caller gave) and why it was taken.
     */
    static CallAnalyzed withMessage(FinishedCall call, CallAnalyzed analysis) {
        if (call.messageFor() == null) {
            return analysis;
        }
        Map<String, Object> data = new java.util.LinkedHashMap<>(analysis.capturedData());
        data.put("messageTakenBecause", call.messageFor());
        return new CallAnalyzed(
                analysis.summary(), analysis.reasonForCalling(), "callback_requested", data, true, analysis.priority());
    }

    static CallAnalyzed basic(FinishedCall call, String summary) {
        boolean followUp = call.failure() != null || call.callerSpoke();
        return withMessage(
                call,
                new CallAnalyzed(
                        summary,
                        "unknown",
                        fallbackOutcome(call),
                        Map.of(),
                        followUp,
                        call.failure() != null ? Priority.HIGH : Priority.MEDIUM));
    }

    private static String fallbackOutcome(FinishedCall call) {
        return call.transferred() ? "transferred" : "no_resolution";
    }

    private static Priority priority(String value) {
        if (value == null) {
            return Priority.MEDIUM;
        }
        try {
            return Priority.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Priority.MEDIUM;
        }
    }
}
