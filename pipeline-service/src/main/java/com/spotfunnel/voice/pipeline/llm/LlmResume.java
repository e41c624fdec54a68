package com.spotfunnel.voice.pipeline.llm;

import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.pipeline.provider.ResumePolicy;
import com.spotfunnel.voice.pipeline.provider.StageListener;
import java.util.List;
import java.util.Optional;

/**
 * The LLM's resume policy. The text produced so far is already on its way to the caller, so the next provider is
 * asked to continue the answer from exactly there ({@link LlmRequest#continuing}), and a
 * {@link ContinuationFilter} drops a restarted answer. Usage is charged as providers report it; a provider that
 * died after producing text without reporting usage is charged an estimate.
 */
final class LlmResume implements ResumePolicy<LlmRequest, LlmEvent> {

    private final StageListener listener;

    LlmResume(StageListener listener) {
        this.listener = listener;
    }

    @Override
    public Course<LlmRequest, LlmEvent> begin(LlmRequest original) {
        return new Course<>() {
            private final StringBuilder produced = new StringBuilder();
            private LlmRequest asked = original;
            private ContinuationFilter filter = new ContinuationFilter("");
            private int ownChars;
            private boolean usageSeen;

            @Override
            public Optional<LlmRequest> request(int attempt) {
                boolean continuing = produced.length() > 0;
                asked = continuing ? original.continuing(produced.toString()) : original;
                filter = new ContinuationFilter(continuing ? produced.toString() : "");
                ownChars = 0;
                usageSeen = false;
                return Optional.of(asked);
            }

            @Override
            public LlmEvent passOn(LlmEvent event) {
                if (event instanceof LlmEvent.Usage usage) {
                    usageSeen = true;
                    listener.used(Stage.LLM, usage.provider(), usage.model(), usage.promptTokens(), "prompt_tokens");
                    listener.used(
                            Stage.LLM, usage.provider(), usage.model(), usage.completionTokens(), "completion_tokens");
                    return null;
                }
                return kept(filter.accept(((LlmEvent.Delta) event).text()));
            }

            @Override
            public List<LlmEvent> end() {
                LlmEvent rest = kept(filter.flush());
                return rest == null ? List.of() : List.of(rest);
            }

            @Override
            public void failed(String provider, String model) {
                if (ownChars > 0 && !usageSeen) {
                    listener.used(Stage.LLM, provider, model, asked.estimatedPromptTokens(), "prompt_tokens");
                    listener.used(Stage.LLM, provider, model, Math.max(1, ownChars / 4), "completion_tokens");
                }
            }

            private LlmEvent kept(String text) {
                if (text.isEmpty()) {
                    return null;
                }
                produced.append(text);
                ownChars += text.length();
                return new LlmEvent.Delta(text);
            }
        };
    }
}
