package com.spotfunnel.voice.dashboard.projection;

import static com.spotfunnel.voice.infra.testing.PrometheusMetrics.awaitLine;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.payload.CallCosts;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.serde.CallEventCodec;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A record nobody can read must cost the dashboard nothing but a counted skip. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PoisonRecordsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void unknownTypesAndGarbageAreSkippedAndCountedAndTheNextEventIsStillConsumed() throws Exception {
        String unknownType = "{\"eventId\":\"6f1c1a9e-0000-4000-8000-000000000001\",\"type\":\"CallPutOnHold\","
                + "\"schemaVersion\":1,\"tenantId\":\"t1\",\"callId\":\"poison-1\",\"seq\":3,"
                + "\"occurredAt\":\"2026-11-24T09:00:00Z\",\"payload\":{\"holdMusic\":\"jazz\"}}";
        CallEvent good = CallEvent.of(
                "t1",
                "poison-1",
                4,
                Instant.now(),
                new CallEnded(CallStatus.COMPLETED, "caller_hangup", 42, CallCosts.ZERO));

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(record(unknownType.getBytes(StandardCharsets.UTF_8))).get();
            producer.send(record("{\"type\":\"CallEnded\",\"payload\":".getBytes(StandardCharsets.UTF_8)))
                    .get();
            producer.send(record(CallEventCodec.encode(good))).get();
        }

        awaitLine("call_events_skipped_total{reason=\"unknown_type\",type=\"CallPutOnHold\"} 1.0");
        awaitLine("call_events_skipped_total{reason=\"malformed\",type=\"none\"} 1.0");
        awaitLine("call_events_consumed_total{type=\"CallEnded\"} 1.0");
    }

    private static ProducerRecord<String, byte[]> record(byte[] value) {
        return new ProducerRecord<>(Topics.CALL_EVENTS, "poison-1", value);
    }
}
