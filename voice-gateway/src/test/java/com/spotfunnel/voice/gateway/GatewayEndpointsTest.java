package com.spotfunnel.voice.gateway;

import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.StandardEndpointsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(com.spotfunnel.voice.gateway.fakes.GatewayFakesResource.class)
class GatewayEndpointsTest extends StandardEndpointsContract {

    @Override
    protected List<String> requiredReadinessChecks() {
        // Not Kafka: calls go on through a broker outage (application.properties, KafkaBrokerOutageDrillTest).
        return List.of("voice-gateway accepting calls", "voice-gateway tenant-config read");
    }

    @Override
    protected String openApiTitle() {
        return "SpotFunnel Voice Gateway";
    }

    @Override
    protected long maxRequestBodyBytes() {
        return 64 * 1024; // Twilio webhooks are a few KB
    }

    @Override
    protected boolean browserClients() {
        return false;
    }
}
