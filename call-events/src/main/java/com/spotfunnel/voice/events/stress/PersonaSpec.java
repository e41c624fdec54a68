package com.spotfunnel.voice.events.stress;

import java.util.List;

/**
 * A caller persona: a built-in one by {@code name} alone ({@link BuiltInPersonas#NAMES}), or a custom one with a
 * name of its own and a {@code description}.
 *
 * @param description who the caller is and what they want (the persona LLM's brief)
 * @param expectation what a good agent does with this caller (the judge's brief); null = be polite and accurate
 * @param lines       sample things the caller says, in order (the persona LLM's examples; the simulated
 *                    provider says exactly these)
 */
public record PersonaSpec(String name, String description, String expectation, List<String> lines) {

    public static PersonaSpec builtIn(String name) {
        return new PersonaSpec(name, null, null, null);
    }

    public boolean isCustom() {
        return description != null;
    }
}
