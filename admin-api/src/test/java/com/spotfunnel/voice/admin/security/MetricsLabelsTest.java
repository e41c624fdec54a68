package com.spotfunnel.voice.admin.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 16 item 6: what attackers send never becomes a metrics label; only route templates do. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class MetricsLabelsTest {

    @Test
    void fiftyRandomPathsRefusedEarlyLeaveNoLabelBehind() {
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String marker = "zz" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            markers.add(marker);
            switch (i % 5) {
                case 0 -> given().auth().oauth2("garbage").get("/tenants/" + marker); // 401 before routing
                case 1 -> given().get("/" + marker + "/%2B14155550100"); // 404, unknown path
                case 2 -> given().auth().oauth2(Tokens.admin()).get("/tenants/" + marker); // 404 from the endpoint
                case 3 -> given().auth().oauth2("garbage").post("/onboarding/" + marker + "/complete"); // 401
                default -> given().auth().oauth2(Tokens.customer()).delete("/users/invitations/" + marker); // 403
            }
        }
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("http_server_requests_seconds_count"), "the HTTP server metrics are there");
        for (String marker : markers) {
            assertFalse(
                    metrics.contains(marker),
                    () -> "a raw path became a label: "
                            + metrics.lines()
                                    .filter(line -> line.contains(marker))
                                    .findFirst()
                                    .orElse(""));
        }
        assertFalse(metrics.contains("14155550100"), "a phone number became a label");
    }
}
