package com.spotfunnel.voice.infra.postgres;

import java.util.concurrent.TimeUnit;

/**
 * One fresh database per test JVM, dropped when the JVM exits, so test runs never see each other's rows.
 * Databases left behind by killed runs are dropped once they are a day old.
 */
public final class SharedTestDatabase {

    private static final String PROPERTY = "spotfunnel.test.postgres.database";
    private static final String PREFIX = "spotfunnel_test";

    private SharedTestDatabase() {}

    public static String name(PostgresServer server) {
        synchronized (System.class) {
            String existing = System.getProperty(PROPERTY);
            if (existing != null) {
                return existing;
            }
            server.dropStaleDatabases(PREFIX, TimeUnit.DAYS.toMillis(1));
            String name = server.createFreshDatabase(PREFIX);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.dropDatabase(name), "test-database-drop"));
            System.setProperty(PROPERTY, name);
            return name;
        }
    }
}
