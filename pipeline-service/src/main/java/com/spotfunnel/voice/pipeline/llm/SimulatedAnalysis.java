package com.spotfunnel.voice.pipeline.llm;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated LLM's answer to the post-call analysis prompt: one valid JSON object with every field the
 * analysis asks for, derived deterministically from the transcript ("Caller: …" / "Agent: …" lines), so the
 * local stack and load tests show a real CallAnalyzed instead of the basic fallback.
 */
final class SimulatedAnalysis {

    private static final Pattern NAME = Pattern.compile("\\bmy name is ([\\p{L}'-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

    private SimulatedAnalysis() {}

    static String of(String transcript) {
        List<String> caller = transcript
                .lines()
                .filter(l -> l.startsWith("Caller: "))
                .map(l -> l.substring(8).strip())
                .filter(l -> !l.isEmpty())
                .toList();
        String said = String.join(" ", caller);
        String lower = said.toLowerCase(Locale.ROOT);
        String reason = reason(lower);
        boolean transferred = transcript.toLowerCase(Locale.ROOT).contains("connect you with someone");
        String outcome = transferred
                ? "transferred"
                : reason.equals("book_appointment") ? "callback_requested" : "question_answered";
        boolean requiresAction = !outcome.equals("question_answered");
        String priority = lower.matches(".*\\b(urgent|emergency|pain|bleeding)\\b.*")
                ? "urgent"
                : requiresAction ? "medium" : "low";
        JsonObject captured = new JsonObject();
        Matcher name = NAME.matcher(said);
        if (name.find()) {
            captured.put("name", name.group(1));
        }
        Matcher email = EMAIL.matcher(said);
        if (email.find()) {
            captured.put("email", email.group());
        }
        String first = caller.isEmpty() ? "nothing" : caller.get(0);
        String summary = "The caller said: \"" + first + "\". The call ended as " + outcome.replace('_', ' ')
                + " after " + caller.size() + (caller.size() == 1 ? " caller turn." : " caller turns.");
        return new JsonObject()
                .put("summary", summary)
                .put("reasonForCalling", reason)
                .put("outcome", outcome)
                .put("capturedData", captured)
                .put("requiresAction", requiresAction)
                .put("priority", priority)
                .encode();
    }

    private static String reason(String said) {
        if (said.matches(".*\\b(appointment|book|booking|schedule|cleaning|check-up|checkup)\\b.*")) {
            return "book_appointment";
        }
        if (said.matches(".*\\b(hours|open|opening|close|closing)\\b.*")) {
            return "opening_hours";
        }
        if (said.matches(".*\\b(price|prices|cost|costs|how much|insurance)\\b.*")) {
            return "pricing";
        }
        return "general_question";
    }
}
