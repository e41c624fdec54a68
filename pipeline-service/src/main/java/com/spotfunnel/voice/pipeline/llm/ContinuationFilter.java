package com.spotfunnel.voice.pipeline.llm;

/**
 * Guards a continuation after a provider died mid-answer: a model told to continue sometimes starts the answer
 * over. While the continuation's text still matches the start of what was already produced it is held back;
 * once it has repeated all of it, that repetition is dropped; as soon as it differs, everything held is let
 * through.
 */
final class ContinuationFilter {

    private final String produced;
    private final boolean endsWithSpace;
    private final StringBuilder held = new StringBuilder();
    private boolean decided;

    ContinuationFilter(String produced) {
        this.produced = produced.strip();
        this.endsWithSpace = !produced.isEmpty() && Character.isWhitespace(produced.charAt(produced.length() - 1));
        this.decided = this.produced.isEmpty();
    }

    String accept(String delta) {
        if (decided) {
            return delta;
        }
        held.append(delta);
        String candidate = held.toString().stripLeading();
        if (candidate.length() >= produced.length()) {
            decided = true;
            return candidate.startsWith(produced)
                    ? joinable(candidate.substring(produced.length()))
                    : joinable(held.toString());
        }
        if (produced.startsWith(candidate)) {
            return "";
        }
        decided = true;
        return joinable(held.toString());
    }

    /** No double space where the produced text ended with one and the continuation starts with one. */
    private String joinable(String text) {
        return endsWithSpace ? text.stripLeading() : text;
    }

    /** Text still held when the stream ended: a short continuation that happened to match. */
    String flush() {
        if (decided) {
            return "";
        }
        decided = true;
        return joinable(held.toString());
    }
}
