package com.spotfunnel.voice.admin.tenants;

import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.providers.ProviderCatalog;
import java.util.Set;

/** The providers the pipeline can run, per stage (the shared {@link ProviderCatalog}); an agent may only name these. */
public final class KnownProviders {

    public static final Set<String> STT = ProviderCatalog.names(Stage.STT);
    public static final Set<String> LLM = ProviderCatalog.names(Stage.LLM);
    public static final Set<String> TTS = ProviderCatalog.names(Stage.TTS);

    private KnownProviders() {}
}
