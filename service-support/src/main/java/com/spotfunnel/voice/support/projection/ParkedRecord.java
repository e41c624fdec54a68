package com.spotfunnel.voice.support.projection;

import com.spotfunnel.voice.events.CallEvent;

/**
 * A poison record, as parked for an operator: where it is in the topic, its bytes, why it cannot be projected.
 *
 * @param event the decoded event, null for a record that could not be decoded
 */
public record ParkedRecord(
        String topic,
        int partition,
        long offset,
        String key,
        byte[] raw,
        RecordFailure reason,
        String error,
        CallEvent event) {

    /** Where the record is, for log lines: {@code call-events-3 offset 1234}. */
    public String where() {
        return topic + "-" + partition + " offset " + offset;
    }
}
