package com.spotfunnel.voice.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.tenant.AgentConfig;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantConfigCodec;
import com.spotfunnel.voice.events.tenant.TenantRegistry;
import com.spotfunnel.voice.gateway.fakes.GatewayFakesResource;
import com.spotfunnel.voice.gateway.fakes.TwilioSimulator;
import com.spotfunnel.voice.infra.kafka.SharedKafkaBroker;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class TenantLookupTest {

    @Inject
    TenantRegistry registry;

    private final TwilioSimulator twilio = new TwilioSimulator();

    @Test
    void theTenantsFileSeedsTheRegistry() {
        assertTrue(registry.byPhoneNumber("+15550000001").isPresent());
        assertEquals(
                "+15559990001",
                registry.byTenantId("t-acme").orElseThrow().agent().transferNumber());
        assertTrue(registry.byTenantId("t-solo").orElseThrow().agent().transferNumber() == null);
    }

    @Test
    void aTenantPublishedOnTenantConfigAnswersCallsAndADeactivatedOneDoesNot() throws Exception {
        String number = "+15550000077";
        AgentConfig agent = new AgentConfig("prompt", "Hi", null, null, null, Map.of(), null);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.TENANT_CONFIG,
                            "t-kafka",
                            TenantConfigCodec.encode(new TenantConfig(
                                    "t-kafka", 1, "From Kafka", "test", true, List.of(number), agent, Instant.now()))))
                    .get();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> registry.byPhoneNumber(number).isPresent());
            twilio.post(
                            "/twilio/voice",
                            TwilioSimulator.incomingCall(TwilioSimulator.newCallSid(), "+14155550500", number))
                    .then()
                    .statusCode(200)
                    .body(containsString("<Parameter name=\"tenantId\" value=\"t-kafka\"/>"));

            producer.send(new ProducerRecord<>(
                            Topics.TENANT_CONFIG,
                            "t-kafka",
                            TenantConfigCodec.encode(new TenantConfig(
                                    "t-kafka", 2, "From Kafka", "test", false, List.of(number), agent, Instant.now()))))
                    .get();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> registry.byPhoneNumber(number).isEmpty());
            twilio.post(
                            "/twilio/voice",
                            TwilioSimulator.incomingCall(TwilioSimulator.newCallSid(), "+14155550501", number))
                    .then()
                    .statusCode(200)
                    .body(containsString("<Hangup/>"));
        }
    }
}
