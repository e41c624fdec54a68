package com.spotfunnel.voice.infra.postgres;

/** {@code deploy/local/up} calls this to create the local stack's database when it is missing. */
public final class EnsureDatabaseMain {

    private EnsureDatabaseMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: EnsureDatabaseMain DATABASE");
            System.exit(2);
        }
        try {
            PostgresServer.fromEnvironment().ensureDatabase(args[0]);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
