package com.spotfunnel.voice.dashboard.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written call JSON is exactly what Jackson's bean serializer wrote before it. */
class CallSummaryJsonTest {

    /** Quarkus' mapper settings for dates, without our annotation: Jackson's own output for the record. */
    private static final ObjectMapper JACKSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(MapperFeature.USE_ANNOTATIONS)
            .build();

    private static final ObjectMapper OURS = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Test
    void aFullCallIsWrittenAsJacksonWroteIt() throws Exception {
        CallSummary call = new CallSummary(
                "call-1",
                "CA1",
                "+1 (555) \"quoted\" \u00e9",
                "inbound",
                "completed",
                Instant.parse("2026-08-01T10:15:30.123456Z"),
                Instant.parse("2026-08-01T10:20:00Z"),
                270L,
                268L,
                "Book a cleaning",
                "Line one\nline two",
                "appointment_booked",
                "high",
                new BigDecimal("0.033000"),
                true,
                false);
        assertSame(call);
        assertSame(new CallPage(List.of(call, call), "cursor", 50));
    }

    @Test
    void nullsAreWrittenAsNull() throws Exception {
        assertSame(new CallSummary(
                "call-2",
                null,
                null,
                null,
                null,
                Instant.parse("2026-08-01T10:15:30Z"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                true));
    }

    @Test
    void instantsAreFormattedAsIsoInstantAtEveryPrecision() {
        Random random = new Random(15);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_000_000_000L, 253_402_300_799L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(instant), IsoInstants.format(instant));
        }
        Instant farFuture = Instant.parse("+12026-01-01T00:00:00Z");
        assertEquals(DateTimeFormatter.ISO_INSTANT.format(farFuture), IsoInstants.format(farFuture));
    }

    private static void assertSame(Object value) throws Exception {
        assertEquals(JACKSON.writeValueAsString(value), OURS.writeValueAsString(value));
    }
}
