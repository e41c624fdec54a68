package com.spotfunnel.voice.e2e;

import com.spotfunnel.voice.infra.postgres.PostgresServer;
import com.spotfunnel.voice.infra.postgres.SharedTestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Quarkus app ({@code quarkus-run.jar}) run as a child process on a free port. */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static ServiceProcess start(
            String name, String jarProperty, int port, Map<String, String> env, List<String> jvmOptions)
            throws IOException {
        String jar = System.getProperty(jarProperty);
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException(
                    name + ": " + jar + " is missing; build with ./mvnw -pl deploy/e2e -am verify");
        }
        Path logs = Path.of(System.getProperty("e2e.logs", "target/e2e-logs"));
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // the gateway and the pipeline of one stack share the secret of their call sockets (prod requires it)
        builder.environment().put("CALL_TOKEN_SECRET", CALL_TOKEN_SECRET);
        // every service with a schema (the pipeline's `pipeline` too) gets this JVM's own database unless told
        // otherwise
        builder.environment().putAll(database());
        // No start-up warm-up (synthetic calls before readiness): it would only slow every drill's start.
        builder.environment().put("WARM_UP_CALLS", "0");
        builder.environment().putAll(env);
        return new ServiceProcess(name, port, builder.start(), log);
    }

    /** DB_* of this test JVM's own database on the real PostgreSQL server (created on first use). */
    public static synchronized Map<String, String> database() {
        if (database == null) {
            PostgresServer server = PostgresServer.fromEnvironment();
            database = Map.of(
                    "DB_HOST", server.host(),
                    "DB_PORT", Integer.toString(server.port()),
                    "DB_USER", server.user(),
                    "DB_PASSWORD", server.password().isEmpty() ? "trust-auth" : server.password(),
                    "DB_NAME", SharedTestDatabase.name(server));
        }
        return database;
    }

    private static Map<String, String> database;

    /** The e2e stacks' CALL_TOKEN_SECRET (a test value, 32+ bytes). */
    public static final String CALL_TOKEN_SECRET = "e2e-call-token-secret-000000000000000000";

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM, as Kubernetes does when it stops a pod, and returns at once. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; false when it still runs after the timeout. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The status {@code /q/health/ready} answers now, or -1 when nothing answers. */
    public int readinessStatus() {
        return status("/q/health/ready");
    }

    /** The status {@code path} answers now, or -1 when nothing answers. */
    public int status(String path) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + path))
                                    .timeout(Duration.ofSeconds(2))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A gauge's value from {@code /q/metrics} (its unlabelled line), or -1 when it cannot be read now. */
    public double metric(String name) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        try {
            String body = http.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/q/metrics"))
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return body.lines()
                    .filter(line -> line.startsWith(name + " "))
                    .findFirst()
                    .map(line ->
                            Double.parseDouble(line.substring(name.length()).trim()))
                    .orElse(-1.0);
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Polls {@link #metric} until it reaches {@code atLeast}; fails after the timeout. */
    public void awaitMetric(String name, double atLeast, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        double last = -1;
        while (System.nanoTime() < deadline) {
            last = metric(name);
            if (last >= atLeast) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(this.name + ": " + name + " was " + last + ", not " + atLeast + ", after " + timeout);
    }

    public Path log() {
        return log;
    }

    /** Polls {@code /q/health/ready} until it answers 200. */
    public void awaitReady(Duration timeout) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                lastStatus = response.statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                name + " not ready after " + timeout + " (last status " + lastStatus + "); see " + log);
    }

    /** Waits for the process to end and returns its exit status; fails when it still runs after the timeout. */
    int exitStatus(Duration timeout) throws InterruptedException {
        if (!awaitExit(timeout)) {
            throw new IllegalStateException(name + " still running after " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    /** Everything the process wrote (stdout and stderr). */
    String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
