package com.spotfunnel.voice.e2e.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.infra.kafka.SharedKafkaBroker;
import com.spotfunnel.voice.infra.postgres.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What every browser suite of the web apps stands on: the shared Kafka broker, a fresh PostgreSQL database, the
 * real OIDC provider (Keycloak with the local realm, or a running one named by {@code e2e.oidc.issuer}); the
 * settings a packaged service needs to use them; and {@code npx playwright test} in web/e2e driving Debian's
 * Chromium, whose report is printed and whose exit status fails the test. Used by {@link DashboardBrowserE2ETest}
 * and {@link ConsoleBrowserE2ETest}.
 */
final class WebStack implements AutoCloseable {

    static final Duration READY = Duration.ofMinutes(5);
    static final Path ROOT = Path.of(System.getProperty("e2e.root", "../.."));
    static final Path LOGS = Path.of(System.getProperty("e2e.logs", "target/e2e-logs"));

    final String kafka;
    final PostgresServer postgres;
    final String database;
    final KeycloakProcess keycloak;

    private WebStack(String kafka, PostgresServer postgres, String database, KeycloakProcess keycloak) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.database = database;
        this.keycloak = keycloak;
    }

    /** Starts Keycloak (not awaited: {@link #awaitOidc()}) and makes a fresh database named after {@code prefix}. */
    static WebStack start(String databasePrefix) throws Exception {
        Files.createDirectories(LOGS);
        String kafka = SharedKafkaBroker.bootstrapServers();
        PostgresServer postgres = PostgresServer.fromEnvironment();
        String database = postgres.createFreshDatabase(databasePrefix);
        String runningIssuer = System.getProperty("e2e.oidc.issuer", "");
        KeycloakProcess keycloak = runningIssuer.isBlank()
                ? KeycloakProcess.start(ROOT.resolve("deploy/local/keycloak/spotfunnel-realm.json"), LOGS)
                : KeycloakProcess.running(runningIssuer);
        return new WebStack(kafka, postgres, database, keycloak);
    }

    void awaitOidc() throws Exception {
        keycloak.awaitReady(READY);
    }

    /** The settings of a packaged service (prod profile) on this stack: broker, database, OIDC, plain-http cookies. */
    Map<String, String> serviceEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("DB_HOST", postgres.host());
        env.put("DB_PORT", Integer.toString(postgres.port()));
        env.put("DB_USER", postgres.user());
        env.put("DB_PASSWORD", postgres.password().isEmpty() ? "trust-auth" : postgres.password());
        env.put("DB_NAME", database);
        env.put("OIDC_AUTH_SERVER_URL", keycloak.issuer());
        env.put("SESSION_COOKIE_SECURE", "false"); // plain http on localhost
        env.put("REDIS_URL", "redis://127.0.0.1:1"); // no shared counters: rate limits fail open
        return env;
    }

    /**
     * Runs the given specs of web/e2e ({@code tests/x.spec.ts}) in Chromium with {@code env} added (CHROMIUM and CI
     * are set here) and fails when any fails; the report goes to {@code <logs>/<report>} and stdout.
     */
    void playwright(List<String> specs, Map<String, String> env, String report) throws Exception {
        Path web = ROOT.resolve("web").toAbsolutePath().normalize();
        if (!Files.isExecutable(web.resolve("node_modules/.bin/playwright"))) {
            run(web, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), LOGS.resolve("npm-ci.log"), 10);
        }
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("CHROMIUM", System.getProperty("e2e.chromium", "/usr/bin/chromium"));
        all.put("CI", "true");
        List<String> command = new ArrayList<>(List.of("npx", "--no-install", "playwright", "test"));
        command.addAll(specs);
        Path log = LOGS.resolve(report);
        int exit = run(web.resolve("e2e"), command, all, log, 15);
        System.out.println(Files.readString(log));
        assertEquals(0, exit, "npx playwright test failed (report above; logs in " + LOGS.toAbsolutePath() + ")");
    }

    private static int run(Path dir, List<String> command, Map<String, String> env, Path log, int minutes)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(
                    String.join(" ", command) + " still running after " + minutes + " min; see " + log);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        keycloak.close();
        postgres.dropDatabase(database);
    }
}
