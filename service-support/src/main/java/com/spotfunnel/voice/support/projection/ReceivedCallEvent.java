package com.spotfunnel.voice.support.projection;

import com.spotfunnel.voice.events.DecodedCallEvent;

/**
 * A {@code call-events} record as a projection receives it: decoded (on Kafka's polling thread, not on the
 * event loop) and its bytes as written, kept so that a record which cannot be projected is parked as it was.
 *
 * @param raw the record's value, null for a record without one
 */
public record ReceivedCallEvent(DecodedCallEvent decoded, byte[] raw) {}
