package com.spotfunnel.voice.pipeline.stt;

import com.spotfunnel.voice.pipeline.provider.StageFailedException;
import com.spotfunnel.voice.pipeline.provider.StageListener;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** The STT stage as a conversation uses it ({@link SttChain} in production, a fake in unit tests). */
public interface SttStage {

    /** An open session and who serves it; {@code remaining} are the providers to try when it breaks. */
    record Opened(SttProvider provider, SttSession session, List<SttProvider> remaining) {}

    /** The providers of {@code order} that exist, in that order. */
    List<SttProvider> resolve(List<String> order);

    /** Fails with {@link StageFailedException} ({@code STT}) when none of {@code chain} opens. */
    Uni<Opened> open(List<SttProvider> chain, SttListener listener, StageListener stage);
}
