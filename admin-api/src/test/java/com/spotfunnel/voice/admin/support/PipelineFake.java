package com.spotfunnel.voice.admin.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * pipeline-service's internal stress-test API for admin-api's tests: a WireMock server the tests script
 * (answers, refusals, a dropped connection), with short guards on the client.
 */
public class PipelineFake implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer wireMock;

    public static WireMockServer wireMock() {
        return wireMock;
    }

    @Override
    public Map<String, String> start() {
        wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wireMock.start();
        String client = "quarkus.fault-tolerance.\"com.spotfunnel.voice.admin.stresstest.PipelineStressClient/";
        return Map.of(
                "quarkus.rest-client.pipeline-internal.url",
                "http://localhost:" + wireMock.port(),
                client + "start\".timeout.value",
                "2000",
                client + "get\".timeout.value",
                "2000",
                client + "get\".retry.delay",
                "20");
    }

    @Override
    public void stop() {
        if (wireMock != null) {
            wireMock.stop();
        }
    }
}
