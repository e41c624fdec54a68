package com.spotfunnel.voice.e2e.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.e2e.ServiceProcess;
import com.spotfunnel.voice.infra.kafka.SharedKafkaBroker;
import com.spotfunnel.voice.infra.postgres.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web apps in a real browser against the real, packaged services: Keycloak's sign-in page, dashboard-api (prod
 * profile) on its own PostgreSQL database and the shared Kafka broker, the demo tenant's calls published on
 * {@code call-events}; then {@code npx playwright test} in web/e2e (Debian's Chromium at /usr/bin/chromium) fails
 * this test when any browser spec fails, and its report is printed here.
 *
 * <p>Console specs (web/e2e/tests/console.spec.ts) plug in here: start admin-api the same way and hand its origin
 * to Playwright as {@code CONSOLE_URL}.
 */
class DashboardBrowserE2ETest {

    private static final String TENANT = "demo-tenant";
    private static final Duration READY = Duration.ofMinutes(5);
    private static final Path ROOT = Path.of(System.getProperty("e2e.root", "../.."));
    private static final Path LOGS = Path.of(System.getProperty("e2e.logs", "target/e2e-logs"));

    static PostgresServer postgres;
    static String database;
    static KeycloakProcess keycloak;
    static ServiceProcess dashboard;
    static String dashboardUrl;

    @BeforeAll
    static void startStack() throws Exception {
        Files.createDirectories(LOGS);
        String kafka = SharedKafkaBroker.bootstrapServers();
        postgres = PostgresServer.fromEnvironment();
        database = postgres.createFreshDatabase("spotfunnel_e2e_web");
        String runningIssuer = System.getProperty("e2e.oidc.issuer", "");
        keycloak = runningIssuer.isBlank()
                ? KeycloakProcess.start(ROOT.resolve("deploy/local/keycloak/spotfunnel-realm.json"), LOGS)
                : KeycloakProcess.running(runningIssuer);
        DemoCalls.publish(kafka, TENANT, DemoCalls.recent(Instant.now()));

        int port = ServiceProcess.freePort();
        dashboardUrl = "http://localhost:" + port;
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
        dashboard = ServiceProcess.start("dashboard-api", "e2e.dashboard-api.jar", port, env, List.of());

        keycloak.awaitReady(READY);
        dashboard.awaitReady(READY);
        awaitCalls(DemoCalls.recent(Instant.now()).size());
    }

    /** The projection has consumed every published call: what the customer will see once signed in. */
    static void awaitCalls(int expected) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = keycloak.accessToken("demo-customer");
        long deadline = System.nanoTime() + READY.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(dashboardUrl + "/api/v1/calls?limit=50"))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            body = response.body();
            if (response.statusCode() == 200 && body.split("\"callId\"", -1).length - 1 >= expected) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("dashboard-api did not list " + expected + " calls after " + READY + ": " + body);
    }

    @AfterAll
    static void stopStack() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (database != null) {
            postgres.dropDatabase(database);
        }
    }

    @Test
    void dashboardSpecsPassInChromium() throws Exception {
        Path web = ROOT.resolve("web").toAbsolutePath().normalize();
        if (!Files.isExecutable(web.resolve("node_modules/.bin/playwright"))) {
            run(web, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), LOGS.resolve("npm-ci.log"), 10);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BASE_URL", dashboardUrl);
        env.put("CHROMIUM", System.getProperty("e2e.chromium", "/usr/bin/chromium"));
        env.put(
                "PAINT_RESULT",
                LOGS.toAbsolutePath().resolve("first-paint.json").toString());
        env.put("CI", "true");
        Path report = LOGS.resolve("playwright.log");
        int exit = run(web.resolve("e2e"), List.of("npx", "--no-install", "playwright", "test"), env, report, 15);
        System.out.println(Files.readString(report));
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
}
