package com.spotfunnel.voice.events.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.DecodedCallEvent;
import com.spotfunnel.voice.events.DecodedCallEvent.SkipReason;
import com.spotfunnel.voice.events.EventType;
import com.spotfunnel.voice.events.payload.EventPayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns call events into JSON bytes and back. The envelope is written by hand (rather than by Jackson's
 * polymorphic typing) so that {@code type} and {@code schemaVersion} are read before the payload is touched:
 * a record of an unknown type or a newer schema is skipped without ever being bound to a class.
 */
public final class CallEventCodec {

    private static final ObjectMapper MAPPER = ContractJson.mapper();

    private CallEventCodec() {}

    public static byte[] encode(CallEvent event) {
        try {
            return MAPPER.writeValueAsBytes(toTree(event));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write event " + event.eventId(), e);
        }
    }

    public static ObjectNode toTree(CallEvent event) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("eventId", event.eventId().toString());
        root.put("type", event.type().wireName());
        root.put("schemaVersion", event.schemaVersion());
        root.put("tenantId", event.tenantId());
        root.put("callId", event.callId());
        root.put("seq", event.seq());
        root.put("occurredAt", event.occurredAt().toString());
        root.set("payload", MAPPER.valueToTree(event.payload()));
        return root;
    }

    /** Never throws: whatever the bytes are, the answer is an event or a reason to skip the record. */
    public static DecodedCallEvent decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new DecodedCallEvent.Skipped(SkipReason.MALFORMED, null, "empty record");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            return new DecodedCallEvent.Skipped(SkipReason.MALFORMED, null, "not JSON");
        }
        return decode(root);
    }

    /**
     * For a consumer that reads one type of a busy topic: a record whose bytes do not hold {@code type}'s wire name
     * in quotes cannot be of that type, and is skipped as {@link SkipReason#NOT_READ} without being parsed; any
     * other record is decoded in full, and is {@code NOT_READ} too unless it is of {@code type}. (Our producers
     * write the type in plain ASCII; the name elsewhere, inside a string, only costs the full decode.)
     */
    public static DecodedCallEvent decodeOnly(EventType type, byte[] bytes) {
        QuotedName name = QuotedName.of(type);
        if (bytes != null && bytes.length > 0 && !name.isIn(bytes)) {
            return name.notRead;
        }
        DecodedCallEvent decoded = decode(bytes);
        if (decoded instanceof DecodedCallEvent.Known known && known.event().type() != type) {
            return new DecodedCallEvent.Skipped(
                    SkipReason.NOT_READ, known.event().type().wireName(), "not read");
        }
        return decoded;
    }

    public static DecodedCallEvent decode(JsonNode root) {
        if (root == null || !root.isObject()) {
            return new DecodedCallEvent.Skipped(SkipReason.MALFORMED, null, "not a JSON object");
        }
        String typeName = root.path("type").asText(null);
        if (typeName == null) {
            return new DecodedCallEvent.Skipped(SkipReason.MALFORMED, null, "no type");
        }
        Optional<EventType> type = EventType.fromWireName(typeName);
        if (type.isEmpty()) {
            return new DecodedCallEvent.Skipped(SkipReason.UNKNOWN_TYPE, typeName, "unknown type");
        }
        int schemaVersion = root.path("schemaVersion").asInt(1);
        if (schemaVersion > type.get().schemaVersion()) {
            return new DecodedCallEvent.Skipped(
                    SkipReason.NEWER_SCHEMA,
                    typeName,
                    "schemaVersion " + schemaVersion + " > " + type.get().schemaVersion());
        }
        try {
            EventPayload payload =
                    MAPPER.treeToValue(required(root, "payload"), type.get().payloadClass());
            CallEvent event = new CallEvent(
                    UUID.fromString(required(root, "eventId").asText()),
                    required(root, "tenantId").asText(),
                    required(root, "callId").asText(),
                    required(root, "seq").asLong(),
                    Instant.parse(required(root, "occurredAt").asText()),
                    payload);
            return new DecodedCallEvent.Known(event);
        } catch (IOException | RuntimeException e) {
            return new DecodedCallEvent.Skipped(SkipReason.MALFORMED, typeName, describe(e));
        }
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return node;
    }

    /** The exception's kind and first line only: the record's content stays out of logs. */
    private static String describe(Exception e) {
        String message =
                e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + ": " + message;
    }

    /** A type's wire name as written in JSON, {@code "Name"}, searched for in a record's bytes. */
    private record QuotedName(byte[] bytes, DecodedCallEvent.Skipped notRead) {

        private static final Map<EventType, QuotedName> BY_TYPE = new EnumMap<>(EventType.class);

        static {
            for (EventType type : EventType.values()) {
                BY_TYPE.put(
                        type,
                        new QuotedName(
                                ('"' + type.wireName() + '"').getBytes(StandardCharsets.US_ASCII),
                                new DecodedCallEvent.Skipped(SkipReason.NOT_READ, null, "not " + type.wireName())));
            }
        }

        static QuotedName of(EventType type) {
            return BY_TYPE.get(type);
        }

        boolean isIn(byte[] data) {
            byte first = bytes[0];
            for (int i = 0, last = data.length - bytes.length; i <= last; i++) {
                if (data[i] == first && Arrays.equals(data, i, i + bytes.length, bytes, 0, bytes.length)) {
                    return true;
                }
            }
            return false;
        }
    }
}
