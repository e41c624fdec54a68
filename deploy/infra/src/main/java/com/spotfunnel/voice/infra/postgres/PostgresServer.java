package com.spotfunnel.voice.infra.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the tests and the local stack use: 127.0.0.1:5432 as user {@code postgres} unless
 * the standard libpq variables PGHOST, PGPORT, PGUSER and PGPASSWORD say otherwise.
 */
public record PostgresServer(String host, int port, String user, String password) {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public static PostgresServer fromEnvironment() {
        return new PostgresServer(
                env("PGHOST", "127.0.0.1"),
                Integer.parseInt(env("PGPORT", "5432")),
                env("PGUSER", "postgres"),
                env("PGPASSWORD", ""));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The Vert.x reactive client's URL form. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** Quarkus settings pointing both datasources (JDBC for Flyway, the reactive client for queries) here. */
    public Map<String, String> quarkusDatasource(String database) {
        return Map.of(
                "quarkus.datasource.jdbc.url",
                jdbcUrl(database),
                "quarkus.datasource.reactive.url",
                reactiveUrl(database),
                "quarkus.datasource.username",
                user,
                "quarkus.datasource.password",
                password);
    }

    /** Creates the database unless it exists. */
    public void ensureDatabase(String name) {
        requireSafe(name);
        try (Connection c = connect("postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    /** Creates a new, empty database whose name starts with {@code prefix} and ends in its creation time. */
    public String createFreshDatabase(String prefix) {
        String name = prefix + "_" + System.currentTimeMillis() + "_"
                + ThreadLocalRandom.current().nextInt(1000, 9999);
        requireSafe(name);
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            return name;
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    public void dropDatabase(String name) {
        requireSafe(name);
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    /** Drops databases with this prefix created more than {@code olderThanMillis} ago (left by killed runs). */
    public void dropStaleDatabases(String prefix, long olderThanMillis) {
        long cutoff = System.currentTimeMillis() - olderThanMillis;
        List<String> stale = new ArrayList<>();
        try (Connection c = connect("postgres");
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + prefix + "\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.substring(prefix.length() + 1).split("_");
                if (parts.length == 2 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < cutoff) {
                    stale.add(name);
                }
            }
        } catch (SQLException e) {
            throw unreachable(e);
        }
        stale.forEach(this::dropDatabase);
    }

    private Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    private IllegalStateException unreachable(SQLException e) {
        return new IllegalStateException(
                "PostgreSQL is not reachable at " + host + ":" + port + " as " + user
                        + " (" + e.getMessage()
                        + "). Fix: start it (pg_ctlcluster <version> main start) or point PGHOST, "
                        + "PGPORT, PGUSER and PGPASSWORD at a server where that user may create databases.",
                e);
    }

    private static void requireSafe(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("unsafe database name " + name);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
