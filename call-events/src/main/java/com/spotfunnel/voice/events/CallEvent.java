package com.spotfunnel.voice.events;

import com.spotfunnel.voice.events.payload.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope every call event travels in. {@code type} and {@code schemaVersion} are derived from the
 * payload so they can never disagree with it.
 *
 * @param eventId    unique per event; consumers use it to ignore replays
 * @param tenantId   the tenant (agent) the call belongs to
 * @param callId     our call id; the Kafka key
 * @param seq        position of the event within its call, from 0; consumers use it to order or dedupe
 * @param occurredAt when it happened at the source
 */
public record CallEvent(
        UUID eventId, String tenantId, String callId, long seq, Instant occurredAt, EventPayload payload) {

    public CallEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0");
        }
    }

    public static CallEvent of(String tenantId, String callId, long seq, Instant occurredAt, EventPayload payload) {
        return new CallEvent(UUID.randomUUID(), tenantId, callId, seq, occurredAt, payload);
    }

    public EventType type() {
        return EventType.of(payload);
    }

    public int schemaVersion() {
        return type().schemaVersion();
    }

    /** The Kafka record key. */
    public String key() {
        return callId;
    }
}
