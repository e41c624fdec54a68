package com.spotfunnel.voice.pipeline.llm;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One streaming LLM. {@link #stream} completes once the first token arrived (what the fault-tolerance guards
 * measure); the Multi then carries every {@link LlmEvent.Delta}, and a {@link LlmEvent.Usage} before it
 * completes. A stream that ends without the provider's end marker fails with {@code stream_cut}.
 */
public interface LlmProvider {

    String name();

    String model();

    Uni<Multi<LlmEvent>> stream(LlmRequest request);
}
