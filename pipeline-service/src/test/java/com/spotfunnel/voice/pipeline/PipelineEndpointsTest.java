package com.spotfunnel.voice.pipeline;

import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.StandardEndpointsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class PipelineEndpointsTest extends StandardEndpointsContract {

    @Override
    protected List<String> requiredReadinessChecks() {
        // Not Kafka: calls go on through a broker outage (application.properties, KafkaBrokerOutageDrillTest).
        return List.of();
    }

    @Override
    protected String openApiTitle() {
        return "SpotFunnel Pipeline";
    }

    @Override
    protected long maxRequestBodyBytes() {
        return 64 * 1024; // no API takes a body
    }

    @Override
    protected boolean browserClients() {
        return false;
    }
}
