package com.spotfunnel.voice.events;

/**
 * What a consumer gets for each record: the event, or the reason it must be skipped. Decoding never
 * throws, so one bad record cannot stop a consumer; the consumer counts skips by {@link SkipReason}.
 */
public sealed interface DecodedCallEvent {

    record Known(CallEvent event) implements DecodedCallEvent {}

    /**
     * @param type   the {@code type} as written, when it could be read
     * @param detail why, for the log line (never the record's content)
     */
    record Skipped(SkipReason reason, String type, String detail) implements DecodedCallEvent {}

    enum SkipReason {
        /** A type this consumer does not know yet (written by newer code). */
        UNKNOWN_TYPE,
        /** A known type at a schema version newer than this consumer understands. */
        NEWER_SCHEMA,
        /** Not JSON, not an envelope, or a payload missing what it must have. */
        MALFORMED,
        /**
         * Not of the one type this consumer reads, seen without parsing the record ({@code
         * CallEventCodec.decodeOnly}); never produced by {@code CallEventCodec.decode}.
         */
        NOT_READ;

        /** Lower-case name, used as a metric tag. */
        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
