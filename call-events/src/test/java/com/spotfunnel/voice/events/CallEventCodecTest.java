package com.spotfunnel.voice.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.spotfunnel.voice.events.DecodedCallEvent.SkipReason;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.serde.CallEventCodec;
import com.spotfunnel.voice.events.serde.ContractJson;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallEventCodecTest {

    private static final Map<EventType, CallEvent> SAMPLES = SampleEvents.all();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeMatchesItsGoldenFile(EventType type) throws IOException {
        JsonNode golden = golden(type);
        CallEvent expected = SAMPLES.get(type);

        assertEquals(
                golden,
                ContractJson.mapper().readTree(CallEventCodec.encode(expected)),
                "what we write for " + type.wireName());
        assertEquals(
                new DecodedCallEvent.Known(expected),
                CallEventCodec.decode(goldenBytes(type)),
                "what we read from golden/" + type.wireName() + ".json");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aConsumerOfOneTypeGetsThatTypeAndSkipsEveryOther(EventType type) throws IOException {
        DecodedCallEvent decoded = CallEventCodec.decodeOnly(EventType.CALLER_ERASED, goldenBytes(type));

        if (type == EventType.CALLER_ERASED) {
            assertEquals(new DecodedCallEvent.Known(SAMPLES.get(type)), decoded);
        } else {
            assertEquals(
                    SkipReason.NOT_READ,
                    assertInstanceOf(DecodedCallEvent.Skipped.class, decoded).reason());
        }
    }

    @Test
    void aRecordThatOnlyMentionsTheTypeIsDecodedAndStillNotRead() throws IOException {
        ObjectNode tree = (ObjectNode) golden(EventType.CALL_STARTED);
        tree.put("note", "CallerErased");

        DecodedCallEvent decoded = CallEventCodec.decodeOnly(
                EventType.CALLER_ERASED, ContractJson.mapper().writeValueAsBytes(tree));

        DecodedCallEvent.Skipped skipped = assertInstanceOf(DecodedCallEvent.Skipped.class, decoded);
        assertEquals(SkipReason.NOT_READ, skipped.reason());
        assertEquals("CallStarted", skipped.type(), "read in full, so its real type is known");
    }

    @Test
    void aBrokenRecordOfTheReadTypeIsStillMalformed() {
        byte[] broken = "{\"type\":\"CallerErased\",\"payload\":".getBytes(StandardCharsets.UTF_8);

        assertEquals(
                SkipReason.MALFORMED,
                assertInstanceOf(
                                DecodedCallEvent.Skipped.class,
                                CallEventCodec.decodeOnly(EventType.CALLER_ERASED, broken))
                        .reason());
        assertEquals(
                SkipReason.MALFORMED,
                assertInstanceOf(
                                DecodedCallEvent.Skipped.class,
                                CallEventCodec.decodeOnly(EventType.CALLER_ERASED, new byte[0]))
                        .reason());
    }

    @Test
    void callEndedCarriesTotalAsSumOfStages() throws IOException {
        JsonNode costs = golden(EventType.CALL_ENDED).path("payload").path("costs");
        assertEquals(new BigDecimal("0.0217"), costs.path("total").decimalValue());
        CallEnded ended = (CallEnded) SAMPLES.get(EventType.CALL_ENDED).payload();
        assertEquals(0, ended.costs().total().compareTo(new BigDecimal("0.0217")));
    }

    @Test
    void fieldsAddedByNewerProducersAreIgnored() throws IOException {
        ObjectNode tree = (ObjectNode) golden(EventType.CALL_STARTED);
        tree.put("traceId", "abc");
        ((ObjectNode) tree.get("payload")).put("callerCountry", "US");

        DecodedCallEvent decoded = CallEventCodec.decode(ContractJson.mapper().writeValueAsBytes(tree));

        assertEquals(new DecodedCallEvent.Known(SAMPLES.get(EventType.CALL_STARTED)), decoded);
    }

    @Test
    void unknownTypeIsSkippedWithItsName() throws IOException {
        ObjectNode tree = (ObjectNode) golden(EventType.CALL_STARTED);
        tree.put("type", "CallSentimentScored");

        DecodedCallEvent.Skipped skipped = assertInstanceOf(
                DecodedCallEvent.Skipped.class,
                CallEventCodec.decode(ContractJson.mapper().writeValueAsBytes(tree)));

        assertEquals(SkipReason.UNKNOWN_TYPE, skipped.reason());
        assertEquals("CallSentimentScored", skipped.type());
    }

    @Test
    void newerSchemaVersionIsSkipped() throws IOException {
        ObjectNode tree = (ObjectNode) golden(EventType.CALL_ENDED);
        tree.put("schemaVersion", 2);

        DecodedCallEvent.Skipped skipped = assertInstanceOf(
                DecodedCallEvent.Skipped.class,
                CallEventCodec.decode(ContractJson.mapper().writeValueAsBytes(tree)));

        assertEquals(SkipReason.NEWER_SCHEMA, skipped.reason());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json at all",
                "[1,2,3]",
                "{\"type\":\"CallStarted\"}",
                "{\"eventId\":\"nope\",\"type\":\"CallEnded\",\"tenantId\":\"t\",\"callId\":\"c\",\"seq\":0,"
                        + "\"occurredAt\":\"2026-11-24T09:00:00Z\",\"payload\":{}}",
                "{\"eventId\":\"00000000-0000-4000-8000-000000000000\",\"type\":\"CallEnded\",\"tenantId\":\"t\","
                        + "\"callId\":\"c\",\"seq\":0,\"occurredAt\":\"yesterday\",\"payload\":{}}"
            })
    void malformedRecordsAreSkippedNotThrown(String record) {
        DecodedCallEvent.Skipped skipped = assertInstanceOf(
                DecodedCallEvent.Skipped.class, CallEventCodec.decode(record.getBytes(StandardCharsets.UTF_8)));

        assertEquals(SkipReason.MALFORMED, skipped.reason());
    }

    static JsonNode golden(EventType type) throws IOException {
        return ContractJson.mapper().readTree(goldenBytes(type));
    }

    static byte[] goldenBytes(EventType type) throws IOException {
        try (InputStream in = CallEventCodecTest.class.getResourceAsStream("/golden/" + type.wireName() + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no golden file for " + type.wireName());
            }
            return in.readAllBytes();
        }
    }
}
