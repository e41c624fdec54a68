package com.spotfunnel.voice.infra.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of its own, in a temporary directory on a free port, that a fault drill may stop and
 * start at will without touching the machine's shared server. {@code initdb} and {@code postgres} refuse to
 * run as root, so as root every command runs as the {@code postgres} OS user (through {@code runuser}) and the
 * directory belongs to that user. Binaries come from {@code PG_BIN_DIR}, else the newest
 * {@code /usr/lib/postgresql/<version>/bin}. Trust authentication, user {@code postgres}, no fsync (nothing
 * here must survive a power cut). The server is stopped and its directory deleted by {@link #close()} or
 * when the JVM exits.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private static final String OS_USER = "postgres";
    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private final Path binaries;
    private final Path directory;
    private final int port;
    private final Thread cleanup;

    private ThrowawayPostgres(Path binaries, Path directory, int port) {
        this.binaries = binaries;
        this.directory = directory;
        this.port = port;
        this.cleanup = new Thread(this::stopAndDelete, "throwaway-postgres-cleanup");
    }

    /** Creates the cluster (initdb) and starts it; returns once it accepts connections. */
    public static ThrowawayPostgres start() {
        Path binaries = binaries();
        try {
            Path directory = Files.createTempDirectory("spotfunnel-pg-");
            if (runningAsRoot()) {
                UserPrincipal owner = directory
                        .getFileSystem()
                        .getUserPrincipalLookupService()
                        .lookupPrincipalByName(OS_USER);
                Files.setOwner(directory, owner);
            }
            ThrowawayPostgres server = new ThrowawayPostgres(binaries, directory, freePort());
            Runtime.getRuntime().addShutdownHook(server.cleanup);
            server.run("initdb", "-D", server.data(), "-U", OS_USER, "-A", "trust", "-E", "UTF8", "--no-sync");
            server.startServer();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare a throwaway PostgreSQL directory", e);
        }
    }

    /** The server as the rest of the tooling sees it (creates and drops databases, builds URLs). */
    public PostgresServer server() {
        return new PostgresServer("127.0.0.1", port, OS_USER, "");
    }

    public int port() {
        return port;
    }

    /** Stops the server ({@code pg_ctl stop -m fast}: open sessions are ended, as in a real restart). */
    public void stopServer() {
        run("pg_ctl", "-D", data(), "-m", "fast", "-w", "stop");
    }

    /** Starts the server again on the same port and data; returns once it accepts connections. */
    public void startServer() {
        run(
                "pg_ctl",
                "-D",
                data(),
                "-l",
                directory.resolve("server.log").toString(),
                "-w",
                "-o",
                "-p " + port + " -h 127.0.0.1 -k " + directory + " -c fsync=off -c max_connections=60",
                "start");
    }

    @Override
    public void close() {
        stopAndDelete();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to do
        }
    }

    private synchronized void stopAndDelete() {
        if (!Files.exists(directory)) {
            return;
        }
        if (Files.exists(directory.resolve("data/postmaster.pid"))) {
            try {
                run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + directory + ": " + e.getMessage());
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private void run(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        command.add(binaries.resolve(program).toString());
        command.addAll(List.of(args));
        Path output = directory.resolve(program + ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                        + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + program, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + program, e);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binaries() {
        String configured = System.getenv("PG_BIN_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(
                            v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .orElseThrow(ThrowawayPostgres::noBinaries);
        } catch (IOException e) {
            throw noBinaries();
        }
    }

    private static IllegalStateException noBinaries() {
        return new IllegalStateException("No PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/"
                + "<version>/bin. Fix: install the PostgreSQL server package or set PG_BIN_DIR.");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
