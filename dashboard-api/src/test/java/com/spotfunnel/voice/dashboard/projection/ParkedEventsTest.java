package com.spotfunnel.voice.dashboard.projection;

import static com.spotfunnel.voice.infra.testing.PrometheusMetrics.awaitLine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.dashboard.support.Calls;
import com.spotfunnel.voice.dashboard.support.EventProducer;
import com.spotfunnel.voice.dashboard.support.Tables;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A poison record costs the dashboard one parked row an operator can read (dashboard.parked_events) and one
 * count on projection_records_parked_total, and nothing else: the records after it are applied.
 */
@QuarkusTest
@TestProfile(ParkedEventsTest.Profile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ParkedEventsTest {

    static final String TOPIC = "call-events-parked-dashboard";
    private static final String GARBAGE = "{\"type\":\"CallEnded\",\"payload\":";

    /** Its own topic: the counts below are this test's alone. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.call-events.topic", TOPIC);
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource db;

    @Test
    void anUndecodableRecordAndAnEventPostgresRefusesAreParkedAndCountedAndTheNextEventsApplied() throws Exception {
        List<CallEvent> events = new ArrayList<>(
                Calls.of("t-" + UUID.randomUUID()).turns("fine", "also fine").events());
        String callId = events.get(0).callId();
        int refusedAt = 1;
        CallEvent turn = events.get(refusedAt);
        CallEvent refused = new CallEvent(
                turn.eventId(),
                turn.tenantId(),
                callId,
                turn.seq(),
                turn.occurredAt(),
                new TranscriptTurn(0, Speaker.AGENT, "a NUL \u0000 byte PostgreSQL refuses", 0, 10, false));
        events.set(refusedAt, refused);

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, callId, GARBAGE.getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        EventProducer.send(bootstrap, TOPIC, events);

        // every other event of the call, including those after the refused one, is applied
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Tables.count(db, "SELECT count(*) FROM dashboard.applied_events WHERE call_id = ?", callId)
                        == events.size() - 1);
        assertEquals(1, Tables.count(db, "SELECT count(*) FROM dashboard.call_turns WHERE call_id = ?", callId));
        awaitLine("projection_records_parked_total{consumer=\"dashboard-api\",reason=\"malformed\"} 1.0");
        awaitLine("projection_records_parked_total{consumer=\"dashboard-api\",reason=\"refused_data\"} 1.0");
        awaitLine("dashboard_projection_events_total{outcome=\"rejected\"} 1.0");

        // parked as they were, where an operator finds them
        assertEquals(
                1,
                Tables.count(
                        db,
                        "SELECT count(*) FROM dashboard.parked_events WHERE topic = ? AND "
                                + "reason = 'malformed' AND event_id IS NULL AND kafka_offset = 0 AND raw_value = convert_to('"
                                + GARBAGE + "', 'UTF8')",
                        TOPIC));
        assertEquals(
                1,
                Tables.count(
                        db,
                        "SELECT count(*) FROM dashboard.parked_events WHERE reason = 'refused_data'"
                                + " AND event_type = 'TranscriptTurn' AND error LIKE '%22021%' AND call_id = ? AND event_id = '"
                                + refused.eventId() + "'",
                        callId));
    }
}
