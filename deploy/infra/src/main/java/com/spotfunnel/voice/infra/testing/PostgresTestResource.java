package com.spotfunnel.voice.infra.testing;

import com.spotfunnel.voice.infra.postgres.PostgresServer;
import com.spotfunnel.voice.infra.postgres.SharedTestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus test at this test JVM's own fresh database on the real PostgreSQL server, for both the
 * JDBC datasource (Flyway) and the reactive client (queries).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        PostgresServer server = PostgresServer.fromEnvironment();
        return server.quarkusDatasource(SharedTestDatabase.name(server));
    }

    @Override
    public void stop() {
        // The database outlives each application: it is dropped with the JVM.
    }
}
