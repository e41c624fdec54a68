package com.spotfunnel.voice.e2e.web;

import com.spotfunnel.voice.e2e.ServiceProcess;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator console in a real browser against the real, packaged admin-api (prod profile, which serves the
 * console at /console/) on its own PostgreSQL database, the shared Kafka broker and Keycloak ({@link WebStack}):
 * web/e2e/tests/console.spec.ts signs in as demo-admin through the OIDC code flow, lists and edits agents (a
 * concurrent edit is a conflict), runs the onboarding wizard, watches Intelligence count a call whose events this
 * test publishes on {@code call-events} when the spec asks (POST to {@code CALL_PUBLISHER_URL}), checks every page
 * with axe and takes the docs' screenshots.
 */
class ConsoleBrowserE2ETest {

    private static final String TENANT = "demo-tenant";

    static WebStack stack;
    static ServiceProcess admin;
    static String consoleUrl;
    static HttpServer publisher;

    @BeforeAll
    static void startStack() throws Exception {
        stack = WebStack.start("spotfunnel_e2e_console");
        DemoCalls.publish(stack.kafka, TENANT, DemoCalls.recent(Instant.now()));

        int port = ServiceProcess.freePort();
        consoleUrl = "http://localhost:" + port;
        Map<String, String> env = stack.serviceEnv();
        env.put("MAILER_MOCK", "true"); // invitations are logged, not sent
        env.put("OIDC_SERVICE_CLIENT_SECRET", "local-admin-api-secret"); // the realm's local secret
        env.put("PIPELINE_INTERNAL_URL", "http://127.0.0.1:1"); // no pipeline: stress tests are not run here
        admin = ServiceProcess.start("admin-api", "e2e.admin-api.jar", port, env, List.of());

        stack.awaitOidc();
        admin.awaitReady(WebStack.READY);
        createDemoTenant();
        publisher = callPublisher();
    }

    /** The demo tenant, created through the API as ./deploy/local/up does. */
    private static void createDemoTenant() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(consoleUrl + "/tenants"))
                                .header("Authorization", "Bearer " + stack.keycloak.accessToken("demo-admin"))
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(Files.readString(
                                        WebStack.ROOT.resolve("deploy/local/demo-tenant-request.json"))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new AssertionError("creating demo-tenant: " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * {@code POST /calls} publishes one more analysed call of the demo tenant (started now) and answers 204 once
     * the broker has every event: the spec's "a call ends" while the console is open.
     */
    private static HttpServer callPublisher() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/calls", exchange -> {
            try (exchange) {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                DemoCalls.Call call = new DemoCalls.Call(
                        "e2e-console-call-" + calls.incrementAndGet(),
                        Instant.now().minusSeconds(60),
                        "+15551230099",
                        CallStatus.COMPLETED,
                        "Billing question",
                        "The caller asked about an invoice; call back.",
                        "callback_requested",
                        true,
                        List.of("Hello, Demo Dental, how can I help?", "I have a question about my invoice."));
                DemoCalls.publish(stack.kafka, TENANT, List.of(call));
                exchange.sendResponseHeaders(204, -1);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        server.start();
        return server;
    }

    @AfterAll
    static void stopStack() {
        if (publisher != null) {
            publisher.stop(0);
        }
        if (admin != null) {
            admin.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void consoleSpecsPassInChromium() throws Exception {
        stack.playwright(
                List.of("tests/console.spec.ts"),
                Map.of(
                        "CONSOLE_URL",
                        consoleUrl,
                        "CALL_PUBLISHER_URL",
                        "http://127.0.0.1:" + publisher.getAddress().getPort() + "/calls",
                        "CONSOLE_PAINT_RESULT",
                        WebStack.LOGS
                                .toAbsolutePath()
                                .resolve("console-first-paint.json")
                                .toString()),
                "playwright-console.log");
    }
}
