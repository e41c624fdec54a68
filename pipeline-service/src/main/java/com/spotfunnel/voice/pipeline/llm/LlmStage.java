package com.spotfunnel.voice.pipeline.llm;

import com.spotfunnel.voice.pipeline.provider.StageFailedException;
import com.spotfunnel.voice.pipeline.provider.StageListener;
import io.smallrye.mutiny.Multi;
import java.util.List;

/** The LLM stage as a conversation uses it ({@link LlmChain} in production, a fake in unit tests). */
public interface LlmStage {

    /** The answer's text as it is written; fails with {@link StageFailedException} ({@code LLM}) when no provider can. */
    Multi<String> stream(List<String> order, LlmRequest request, StageListener listener);
}
