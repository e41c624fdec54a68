package com.spotfunnel.voice.infra.testing;

import com.spotfunnel.voice.infra.kafka.SharedKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a Quarkus test at the real Kafka broker this test JVM shares (started on first use). */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedKafkaBroker.bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives each application: it stops with the JVM.
    }
}
