package com.spotfunnel.voice.infra.testing;

import com.spotfunnel.voice.infra.postgres.PostgresServer;
import com.spotfunnel.voice.infra.postgres.ThrowawayPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Like {@link PostgresTestResource}, but on a PostgreSQL server of the test's own ({@link ThrowawayPostgres}),
 * which the test may stop and start through {@link #server()}: for fault drills that must not disturb the
 * machine's shared server. The server is deleted when the application stops.
 */
public class ThrowawayPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile ThrowawayPostgres current;

    /** The running drill's server. */
    public static ThrowawayPostgres server() {
        if (current == null) {
            throw new IllegalStateException("ThrowawayPostgresTestResource has not started a server");
        }
        return current;
    }

    @Override
    public Map<String, String> start() {
        current = ThrowawayPostgres.start();
        PostgresServer server = current.server();
        return server.quarkusDatasource(server.createFreshDatabase("spotfunnel_drill"));
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
