package com.spotfunnel.voice.admin.tenants;

import java.util.Set;

/** The providers the pipeline can run, per stage; an agent may only name these. */
public final class KnownProviders {

    public static final Set<String> STT = Set.of("deepgram", "simulated");
    public static final Set<String> LLM = Set.of("openai", "gemini", "simulated");
    public static final Set<String> TTS = Set.of("cartesia", "elevenlabs", "simulated");

    private KnownProviders() {}
}
