package com.spotfunnel.voice.pipeline.provider;

import java.util.List;
import java.util.Optional;

/**
 * What a stage does when its provider fails in the middle of an answer (LLM: the next provider continues the text
 * so far; TTS: it speaks only the words not yet heard; STT: it listens from now on). The {@link FallbackEngine}
 * asks one {@link Course} per answer, so a policy may keep what the caller already got.
 *
 * @param <R> what a provider is asked
 * @param <I> what it produces
 */
@FunctionalInterface
public interface ResumePolicy<R, I> {

    /** The course of one answer to {@code request}, across however many providers it takes. */
    Course<R, I> begin(R request);

    /** One answer's state. Called from one stream at a time: no locking needed. */
    interface Course<R, I> {

        /**
         * What the {@code attempt}-th provider (0: the first) is asked, given what the earlier ones delivered; empty
         * when nothing is left to do (the answer ends there, complete).
         */
        Optional<R> request(int attempt);

        /** An item on its way to the caller, as it goes on (changed, or null to hold it back). */
        default I passOn(I item) {
            return item;
        }

        /** The attempt's stream ended normally: the items still held back. */
        default List<I> end() {
            return List.of();
        }

        /** The attempt's provider failed (after {@link #passOn} saw what it delivered). */
        default void failed(String provider, String model) {}
    }
}
