package com.spotfunnel.voice.dashboard.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The API tests' application: real Kafka, real PostgreSQL, Quarkus' OIDC test server (see the test
 * classes' resources). It reads its own copy of the call-events topic so that the events these tests
 * produce never reach the application of {@code PoisonRecordsTest}, which counts exactly what it consumes.
 */
public class DashboardApiProfile implements QuarkusTestProfile {

    public static final String TOPIC = "call-events-dashboard-api-tests";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mp.messaging.incoming.call-events.topic", TOPIC, "dashboard.max-page-size", "25");
    }
}
