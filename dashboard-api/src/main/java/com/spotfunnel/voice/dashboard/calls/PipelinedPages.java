package com.spotfunnel.voice.dashboard.calls;

import com.spotfunnel.voice.dashboard.config.DashboardConfig;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client list pages (no search) run on: a pooled client with pipelining. Quarkus' reactive pool lends a
 * connection per query, and pool operations are never pipelined (Vert.x PostgreSQL client docs, "Pool versus
 * pooled client"), so every page woke a backend of its own; this client sends the next page's query on a
 * connection that is still busy, so one backend reads a stream of queries. Measured (docs/benchmarks/dashboard.md,
 * 2026-12-05): PostgreSQL's CPU per API list request fell from 0.23–0.33 ms to 0.16 ms, what pgbench's own stream
 * costs. Same database, user and URL as the datasource; statements prepared once per connection, as the pool's.
 * Searches stay on the pool: they run in a transaction with their own plan setting, and a slow search must not hold
 * up the pages queued behind it. {@code dashboard.db.page-pipelining-limit} 0 or 1: pages use the pool too.
 */
@ApplicationScoped
public class PipelinedPages {

    private final io.vertx.sqlclient.SqlClient delegate;
    private final SqlClient client;

    PipelinedPages(
            Vertx vertx,
            DashboardConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        int limit = config.db().pagePipeliningLimit();
        if (limit <= 1 || url.isEmpty()) {
            delegate = null;
            client = null;
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.get())
                .setCachePreparedStatements(true)
                .setPipeliningLimit(limit);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        delegate = PgBuilder.client()
                .with(new PoolOptions().setMaxSize(Math.max(1, config.db().pageConnections())))
                .connectingTo(options)
                .using(vertx)
                .build();
        client = SqlClient.newInstance(delegate);
    }

    /** The pipelined client, or empty when pages use the pool. */
    Optional<SqlClient> client() {
        return Optional.ofNullable(client);
    }

    @PreDestroy
    void close() {
        if (delegate != null) {
            delegate.close();
        }
    }
}
