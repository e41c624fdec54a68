package com.spotfunnel.voice.support.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.CallCosts;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.serde.CallEventCodec;
import com.spotfunnel.voice.support.events.CallEventIntake;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The consumer template on its own, with a fake read model and parking lot: what a poison record costs (it is
 * parked and counted, the records after it are applied) and what an outage costs (a retry, never a skip).
 */
class ProjectionConsumerTest {

    private static final String TOPIC = "call-events";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FakeReadModel readModel = new FakeReadModel();
    private final List<ParkedRecord> parked = new ArrayList<>();
    private int parkingOutages;
    private final ProjectionConsumer consumer = new ProjectionConsumer(
            new ProjectionSettings("test-api", "test", Duration.ofMillis(1), Duration.ofMillis(5)),
            readModel,
            record -> Uni.createFrom().deferred(() -> {
                if (parkingOutages > 0) {
                    parkingOutages--;
                    return Uni.createFrom().failure(ClosedConnectionException.INSTANCE);
                }
                parked.add(record);
                return Uni.createFrom().voidItem();
            }),
            new CallEventIntake(meters),
            meters);

    @Test
    void anEventOurProjectionThrowsOnIsParkedAndCountedAndTheNextOneIsApplied() {
        CallEvent first = event();
        CallEvent bug = event();
        CallEvent next = event();
        readModel.failures.put(bug.eventId(), new NullPointerException("payload.status"));

        consume(first, bug, next);

        assertEquals(Set.of(first.eventId(), next.eventId()), readModel.applied);
        assertEquals(1, parked.size());
        ParkedRecord row = parked.get(0);
        assertEquals(RecordFailure.PROJECTION_ERROR, row.reason());
        assertEquals(1, row.offset());
        assertEquals(bug.eventId(), row.event().eventId());
        assertArrayEquals(CallEventCodec.encode(bug), row.raw());
        assertTrue(row.error().contains("payload.status"), row.error());
        assertEquals(1.0, parkedCount("projection_error"));
        assertEquals(1.0, count("test_projection_events_total", "outcome", "rejected"));
        assertEquals(2.0, count("test_projection_events_total", "outcome", "applied"));
    }

    @Test
    void anEventPostgresRefusesAsDataIsParkedAsRefusedData() {
        CallEvent refused = event();
        CallEvent next = event();
        readModel.failures.put(refused.eventId(), new DatabaseException("invalid byte sequence: 0x00", 0, "22021") {});

        consume(refused, next);

        assertEquals(Set.of(next.eventId()), readModel.applied);
        assertEquals(RecordFailure.REFUSED_DATA, parked.get(0).reason());
        assertEquals(1.0, parkedCount("refused_data"));
    }

    @Test
    void aRecordThatCannotBeDecodedIsParkedWithItsBytesWithoutBeingTried() {
        byte[] garbage = "{\"type\":\"CallEnded\",\"payload\":".getBytes(StandardCharsets.UTF_8);
        CallEvent next = event();

        consume(List.of(garbage, CallEventCodec.encode(next)));

        assertEquals(Set.of(next.eventId()), readModel.applied);
        assertEquals(1, parked.size());
        assertEquals(RecordFailure.MALFORMED, parked.get(0).reason());
        assertArrayEquals(garbage, parked.get(0).raw());
        assertNull(parked.get(0).event());
        assertEquals(1.0, parkedCount("malformed"));
        assertEquals(1.0, count("call_events_skipped_total", "reason", "malformed"));
        // not a projection's refusal: the "rejected" outcome counts those only
        assertEquals(0.0, count("test_projection_events_total", "outcome", "rejected"));
    }

    @Test
    void anOutageIsRetriedUntilTheWriteSucceedsAndNothingIsSkippedOrParked() {
        CallEvent first = event();
        CallEvent second = event();
        readModel.outages = 3;

        consume(first, second);

        assertEquals(Set.of(first.eventId(), second.eventId()), readModel.applied);
        assertTrue(parked.isEmpty());
        assertEquals(3.0, meters.counter("test_projection_retries_total").count());
        assertEquals(2.0, count("test_projection_events_total", "outcome", "applied"));
    }

    @Test
    void aReplayedBatchCountsDuplicatesAndChangesNothing() {
        CallEvent once = event();
        consume(once);
        consume(once);

        assertEquals(1.0, count("test_projection_events_total", "outcome", "applied"));
        assertEquals(1.0, count("test_projection_events_total", "outcome", "duplicate"));
    }

    @Test
    void aPoisonRecordIsParkedEvenWhenTheParkingLotIsBrieflyDown() {
        CallEvent bug = event();
        readModel.failures.put(bug.eventId(), new IllegalArgumentException("unknown stage"));
        parkingOutages = 2;

        consume(bug);

        assertEquals(1, parked.size());
        assertEquals(2.0, meters.counter("test_projection_retries_total").count());
    }

    @Test
    void aProjectionThatThrowsInsteadOfFailingItsUniIsHandledTheSameWay() {
        CallEvent bug = event();
        CallEvent next = event();
        readModel.throwing = bug.eventId();

        consume(bug, next);

        assertEquals(Set.of(next.eventId()), readModel.applied);
        assertEquals(RecordFailure.PROJECTION_ERROR, parked.get(0).reason());
    }

    private void consume(CallEvent... events) {
        consume(java.util.Arrays.stream(events).map(CallEventCodec::encode).toList());
    }

    private void consume(List<byte[]> values) {
        List<ConsumerRecord<String, ReceivedCallEvent>> records = new ArrayList<>();
        ReceivedCallEventDeserializer deserializer = new ReceivedCallEventDeserializer();
        for (int offset = 0; offset < values.size(); offset++) {
            records.add(new ConsumerRecord<>(
                    TOPIC, 0, offset, "call-1", deserializer.deserialize(TOPIC, values.get(offset))));
        }
        consumer.onBatch(new ConsumerRecords<>(Map.of(new TopicPartition(TOPIC, 0), records), Map.of()))
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    private double parkedCount(String reason) {
        return meters.counter("projection_records_parked_total", "consumer", "test-api", "reason", reason)
                .count();
    }

    private double count(String name, String tag, String value) {
        return meters.find(name).tag(tag, value).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static CallEvent event() {
        return CallEvent.of(
                "t1",
                "call-1",
                1,
                Instant.parse("2026-11-24T09:00:00Z"),
                new CallEnded(CallStatus.COMPLETED, "caller_hangup", 42, CallCosts.ZERO));
    }

    /** A read model with a transaction: a batch with a failing event applies nothing. */
    private static final class FakeReadModel implements Projection {
        final Set<UUID> applied = new LinkedHashSet<>();
        final Map<UUID, RuntimeException> failures = new HashMap<>();
        int outages;
        UUID throwing;

        @Override
        public Uni<Integer> applyAll(List<CallEvent> events) {
            if (events.stream().anyMatch(e -> e.eventId().equals(throwing))) {
                throw new NullPointerException("thrown while building the statements");
            }
            if (outages > 0) {
                outages--;
                return Uni.createFrom().failure(ClosedConnectionException.INSTANCE);
            }
            for (CallEvent event : events) {
                if (failures.containsKey(event.eventId())) {
                    return Uni.createFrom().failure(failures.get(event.eventId()));
                }
            }
            int fresh = 0;
            for (CallEvent event : events) {
                fresh += applied.add(event.eventId()) ? 1 : 0;
            }
            return Uni.createFrom().item(fresh);
        }
    }
}
