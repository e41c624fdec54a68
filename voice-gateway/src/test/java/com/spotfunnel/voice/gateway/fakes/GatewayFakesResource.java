package com.spotfunnel.voice.gateway.fakes;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the fake pipeline and the fake Twilio REST API (once per test JVM) and points the gateway at them. */
public class GatewayFakesResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "gateway.pipeline-url",
                "ws://127.0.0.1:" + FakePipeline.get().port(),
                "gateway.twilio.api-base-url",
                FakeTwilioApi.get().baseUrl());
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; they die with it.
    }
}
