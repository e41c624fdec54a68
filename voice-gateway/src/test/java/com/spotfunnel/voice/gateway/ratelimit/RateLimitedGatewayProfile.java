package com.spotfunnel.voice.gateway.ratelimit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/**
 * The gateway with rate limiting on, tiny budgets, no trusted proxy (so the test client, 127.0.0.1, is the client
 * whatever X-Forwarded-For it sends), counting in the machine's Redis under a key prefix of its own.
 */
public class RateLimitedGatewayProfile implements QuarkusTestProfile {

    static final int CLIENT_REQUESTS = 2;
    static final int CALLS_REQUESTS = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "spotfunnel.rate-limit.enabled", "true",
                "spotfunnel.rate-limit.key-prefix", "test-" + UUID.randomUUID(),
                "spotfunnel.rate-limit.trusted-proxies", "",
                // A loaded test machine may be slow to open the first Redis connection; that is not what is tested.
                "spotfunnel.rate-limit.store-timeout", "5s",
                "spotfunnel.rate-limit.client.requests", Integer.toString(CLIENT_REQUESTS),
                "spotfunnel.rate-limit.client.window", "1m",
                "spotfunnel.rate-limit.calls.requests", Integer.toString(CALLS_REQUESTS),
                "spotfunnel.rate-limit.calls.window", "1m");
    }
}
