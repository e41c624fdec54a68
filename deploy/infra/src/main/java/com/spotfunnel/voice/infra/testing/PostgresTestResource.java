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
        String database = SharedTestDatabase.name(server);
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.reactive.url", server.reactiveUrl(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        // The database outlives each application: it is dropped with the JVM.
    }
}
