package com.spotfunnel.voice.gateway.ratelimit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Rate limiting on, with budgets of one request, but nothing listens where Redis should be. */
public class StoreDownProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "spotfunnel.rate-limit.enabled", "true",
                "quarkus.redis.hosts", "redis://127.0.0.1:1",
                "spotfunnel.rate-limit.client.requests", "1",
                "spotfunnel.rate-limit.calls.requests", "1");
    }
}
