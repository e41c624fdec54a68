package com.spotfunnel.voice.pipeline.stt;

/** What a recognizer tells its listener, as items of a stream (the form the fallback engine carries). */
sealed interface SttEvent {

    record SpeechStarted() implements SttEvent {
        @Override
        public void deliverTo(SttListener listener) {
            listener.onSpeechStarted();
        }
    }

    record Partial(String heardSoFar) implements SttEvent {
        @Override
        public void deliverTo(SttListener listener) {
            listener.onPartial(heardSoFar);
        }
    }

    record Utterance(String transcript) implements SttEvent {
        @Override
        public void deliverTo(SttListener listener) {
            listener.onUtterance(transcript);
        }
    }

    /** Hands the event to {@code listener}. */
    void deliverTo(SttListener listener);
}
