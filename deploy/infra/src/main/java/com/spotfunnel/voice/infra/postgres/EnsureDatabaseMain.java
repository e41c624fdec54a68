package com.spotfunnel.voice.infra.postgres;

/**
 * {@code deploy/local/up} calls this to create the local stack's database; with {@code --fresh} an existing
 * one is dropped first, so the database starts in step with the stack's fresh Kafka broker.
 */
public final class EnsureDatabaseMain {

    private EnsureDatabaseMain() {}

    public static void main(String[] args) {
        boolean fresh = args.length == 2 && args[0].equals("--fresh");
        if (args.length != 1 && !fresh) {
            System.err.println("usage: EnsureDatabaseMain [--fresh] DATABASE");
            System.exit(2);
        }
        String database = args[args.length - 1];
        try {
            PostgresServer server = PostgresServer.fromEnvironment();
            if (fresh) {
                server.dropDatabase(database);
            }
            server.ensureDatabase(database);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
