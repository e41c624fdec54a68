package com.spotfunnel.voice.events.stress;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes a {@link StressTestRequest} acceptable, in one place for both services: admin-api checks it before
 * forwarding (400 naming the field), pipeline-service again on its internal endpoint.
 */
public final class StressTestRules {

    public static final int MAX_PERSONAS = 20;
    public static final int MAX_PERSONA_CHARS = 2000;
    public static final int MAX_PERSONA_LINES = 20;
    public static final int MAX_NAME_CHARS = 60;
    public static final int MAX_INDUSTRY_CHARS = 100;
    public static final int MAX_KNOWLEDGE_CHARS = 20_000;

    /** One thing wrong with the request: the JSON path of the field and why. */
    public record Violation(String field, String message) {}

    private StressTestRules() {}

    public static List<Violation> check(
            StressTestRequest request, int maxConversations, int maxTurns, int maxSystemPromptChars) {
        List<Violation> wrong = new ArrayList<>();
        if (request == null) {
            wrong.add(new Violation("body", "is required"));
            return wrong;
        }
        if (request.tenantId() == null || request.tenantId().isBlank()) {
            wrong.add(new Violation("tenantId", "is required"));
        }
        if (request.numConversations() == null) {
            wrong.add(new Violation("numConversations", "is required"));
        } else if (request.numConversations() < 1 || request.numConversations() > maxConversations) {
            wrong.add(new Violation("numConversations", "must be between 1 and " + maxConversations));
        }
        if (request.maxTurns() != null && (request.maxTurns() < 1 || request.maxTurns() > maxTurns)) {
            wrong.add(new Violation("maxTurns", "must be between 1 and " + maxTurns));
        }
        tooLong(wrong, "industry", request.industry(), MAX_INDUSTRY_CHARS);
        tooLong(wrong, "systemPrompt", request.systemPrompt(), maxSystemPromptChars);
        tooLong(wrong, "knowledgeBase", request.knowledgeBase(), MAX_KNOWLEDGE_CHARS);
        List<PersonaSpec> personas = request.personas();
        if (personas != null) {
            if (personas.size() > MAX_PERSONAS) {
                wrong.add(new Violation("personas", "at most " + MAX_PERSONAS));
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < personas.size(); i++) {
                persona(wrong, "personas[" + i + "]", personas.get(i), names);
            }
        }
        return wrong;
    }

    private static void persona(List<Violation> wrong, String path, PersonaSpec persona, Set<String> names) {
        if (persona == null || persona.name() == null || persona.name().isBlank()) {
            wrong.add(new Violation(path + ".name", "is required"));
            return;
        }
        boolean builtIn = BuiltInPersonas.NAMES.contains(persona.name());
        if (!names.add(persona.name())) {
            wrong.add(new Violation(path + ".name", "is named twice"));
        }
        if (persona.isCustom()) {
            if (builtIn) {
                wrong.add(new Violation(path + ".name", "is a built-in persona; give a custom one another name"));
            }
            tooLong(wrong, path + ".name", persona.name(), MAX_NAME_CHARS);
            if (persona.description().isBlank()) {
                wrong.add(new Violation(path + ".description", "must not be blank"));
            }
            tooLong(wrong, path + ".description", persona.description(), MAX_PERSONA_CHARS);
            tooLong(wrong, path + ".expectation", persona.expectation(), MAX_PERSONA_CHARS);
            List<String> lines = persona.lines();
            if (lines != null) {
                if (lines.size() > MAX_PERSONA_LINES) {
                    wrong.add(new Violation(path + ".lines", "at most " + MAX_PERSONA_LINES));
                }
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i) == null || lines.get(i).isBlank()) {
                        wrong.add(new Violation(path + ".lines[" + i + "]", "must not be blank"));
                    } else {
                        tooLong(wrong, path + ".lines[" + i + "]", lines.get(i), MAX_PERSONA_CHARS);
                    }
                }
            }
        } else if (!builtIn) {
            wrong.add(new Violation(
                    path + ".name",
                    "is not a built-in persona (" + String.join(", ", BuiltInPersonas.NAMES)
                            + "); a custom one needs a description"));
        }
    }

    private static void tooLong(List<Violation> wrong, String field, String value, int max) {
        if (value != null && value.length() > max) {
            wrong.add(new Violation(field, "at most " + max + " characters"));
        }
    }
}
