package com.spotfunnel.voice.e2e.web;

import com.spotfunnel.voice.e2e.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The customer dashboard in a real browser against the real, packaged service: Keycloak's sign-in page,
 * dashboard-api (prod profile) on its own PostgreSQL database and the shared Kafka broker, the demo tenant's calls
 * published on {@code call-events}; then web/e2e/tests/dashboard.spec.ts in Debian's Chromium ({@link WebStack})
 * fails this test when any browser spec fails. The operator console's suite is {@link ConsoleBrowserE2ETest}.
 */
class DashboardBrowserE2ETest {

    private static final String TENANT = "demo-tenant";

    static WebStack stack;
    static ServiceProcess dashboard;
    static String dashboardUrl;

    @BeforeAll
    static void startStack() throws Exception {
        stack = WebStack.start("spotfunnel_e2e_web");
        DemoCalls.publish(stack.kafka, TENANT, DemoCalls.recent(Instant.now()));

        int port = ServiceProcess.freePort();
        dashboardUrl = "http://localhost:" + port;
        dashboard = ServiceProcess.start("dashboard-api", "e2e.dashboard-api.jar", port, stack.serviceEnv(), List.of());

        stack.awaitOidc();
        dashboard.awaitReady(WebStack.READY);
        awaitCalls(DemoCalls.recent(Instant.now()).size());
    }

    /** The projection has consumed every published call: what the customer will see once signed in. */
    static void awaitCalls(int expected) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = stack.keycloak.accessToken("demo-customer");
        long deadline = System.nanoTime() + WebStack.READY.toNanos();
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
        throw new AssertionError(
                "dashboard-api did not list " + expected + " calls after " + WebStack.READY + ": " + body);
    }

    @AfterAll
    static void stopStack() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void dashboardSpecsPassInChromium() throws Exception {
        stack.playwright(
                List.of("tests/dashboard.spec.ts"),
                Map.of(
                        "BASE_URL",
                        dashboardUrl,
                        "PAINT_RESULT",
                        WebStack.LOGS
                                .toAbsolutePath()
                                .resolve("first-paint.json")
                                .toString()),
                "playwright-dashboard.log");
    }
}
