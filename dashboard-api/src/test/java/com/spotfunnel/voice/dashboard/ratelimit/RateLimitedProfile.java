package com.spotfunnel.voice.dashboard.ratelimit;

import com.spotfunnel.voice.dashboard.support.DashboardApiProfile;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboard API with rate limiting on and tiny budgets, counting in the machine's Redis under a key prefix of
 * its own. The test client (127.0.0.1) plays the ingress, a trusted proxy, so each test names its clients in
 * {@code X-Forwarded-For}.
 */
public class RateLimitedProfile implements QuarkusTestProfile {

    static final int CLIENT_REQUESTS = 3;
    static final int TENANT_REQUESTS = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(new DashboardApiProfile().getConfigOverrides());
        config.put("spotfunnel.rate-limit.enabled", "true");
        config.put("spotfunnel.rate-limit.key-prefix", "test-" + UUID.randomUUID());
        config.put("spotfunnel.rate-limit.trusted-proxies", "127.0.0.1,::1");
        // A loaded test machine may be slow to open the first Redis connection; that is not what is tested.
        config.put("spotfunnel.rate-limit.store-timeout", "5s");
        config.put("spotfunnel.rate-limit.client.requests", Integer.toString(CLIENT_REQUESTS));
        config.put("spotfunnel.rate-limit.client.window", "1m");
        config.put("spotfunnel.rate-limit.principal.requests", Integer.toString(TENANT_REQUESTS));
        config.put("spotfunnel.rate-limit.principal.window", "1m");
        return config;
    }
}
