package com.spotfunnel.voice.gateway.readiness;

import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.tenant.AgentConfig;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantConfigCodec;
import com.spotfunnel.voice.infra.kafka.SharedKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A gateway whose reading of {@code tenant-config} is held back (the channel starts paused), with a tenant published
 * on the topic before it starts: the window between start and catching up, made as long as the test wants.
 */
public class TenantConfigPausedProfile implements QuarkusTestProfile {

    static final String NUMBER = "+15550000099";
    static final String TENANT = "t-before-start";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.messaging.incoming.tenant-config.pausable", "true",
                "mp.messaging.incoming.tenant-config.initially-paused", "true");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PublishedBeforeStart.class));
    }

    /** Publishes the tenant before the application starts. */
    public static class PublishedBeforeStart implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            AgentConfig agent = new AgentConfig("prompt", "Hi", null, null, null, Map.of(), null);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()),
                    new StringSerializer(),
                    new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(
                                Topics.TENANT_CONFIG,
                                TENANT,
                                TenantConfigCodec.encode(new TenantConfig(
                                        TENANT,
                                        1,
                                        "Published before start",
                                        "test",
                                        true,
                                        List.of(NUMBER),
                                        agent,
                                        Instant.now()))))
                        .get();
            } catch (Exception e) {
                throw new IllegalStateException("could not publish the tenant before start", e);
            }
            return Map.of();
        }

        @Override
        public void stop() {}
    }
}
