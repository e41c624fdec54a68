package com.spotfunnel.voice.events.stress;

import java.util.List;

/** The names of the adversarial callers pipeline-service knows by heart (their briefs live there). */
public final class BuiltInPersonas {

    public static final String ANGRY_CALLER = "angry-caller";
    public static final String OFF_TOPIC = "off-topic";
    public static final String PROMPT_INJECTION = "prompt-injection";
    public static final String WANTS_A_HUMAN = "wants-a-human";
    public static final String OUTSIDE_KNOWLEDGE = "outside-knowledge";
    public static final String RAMBLER = "rambler";

    public static final List<String> NAMES =
            List.of(ANGRY_CALLER, OFF_TOPIC, PROMPT_INJECTION, WANTS_A_HUMAN, OUTSIDE_KNOWLEDGE, RAMBLER);

    private BuiltInPersonas() {}
}
