package com.spotfunnel.voice.admin.tenants;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.admin.support.TenantConfigTopic;
import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.events.tenant.AgentConfig;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantConfigCodec;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14: an operator sets how a tenant's transfers go (ring time, warm whisper) and the gateways get it. On the old
 * code admin-api had no such field: every save published the tenant without them (the platform's ring time, cold).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class TenantTransferSettingsTest {

    @Test
    void ringTimeAndWarmTransferAreKeptAndPublishedToTheGateways() {
        String tenantId = TenantApiTest.newTenantId();
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(withTransfer(tenantId, Map.of("ringSeconds", 20, "warm", true)))
                .post("/tenants")
                .then()
                .statusCode(201)
                .body("agent.transfer.ringSeconds", equalTo(20))
                .body("agent.transfer.warm", equalTo(true));
        given().auth()
                .oauth2(Tokens.admin())
                .get("/tenants/" + tenantId)
                .then()
                .statusCode(200)
                .body("agent.transfer.ringSeconds", equalTo(20))
                .body("agent.transfer.warm", equalTo(true));

        var records = TenantConfigTopic.readUntil(tenantId, r -> true);
        TenantConfig published = TenantConfigCodec.decode(
                        records.get(records.size() - 1).value())
                .orElseThrow();
        assertEquals(
                new AgentConfig.TransferSettings(20, true), published.agent().transfer());
    }

    @Test
    void withoutTransferSettingsTheTenantUsesThePlatformDefaults() {
        String tenantId = TenantApiTest.newTenantId();
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(TenantBodies.tenant(tenantId, "Hello", List.of()))
                .post("/tenants")
                .then()
                .statusCode(201)
                .body("agent.transfer", nullValue());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 121, 600})
    void aRingTimeOutOfRangeIsA400NamingTheField(int seconds) {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(withTransfer(TenantApiTest.newTenantId(), Map.of("ringSeconds", seconds, "warm", false)))
                .post("/tenants")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("agent.transfer.ringSeconds"));
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        for (int seconds : new int[] {5, 120}) {
            String body = given().auth()
                    .oauth2(Tokens.admin())
                    .contentType(ContentType.JSON)
                    .body(withTransfer(TenantApiTest.newTenantId(), Map.of("ringSeconds", seconds)))
                    .post("/tenants")
                    .then()
                    .statusCode(201)
                    .extract()
                    .asString();
            assertTrue(body.contains("\"ringSeconds\":" + seconds), body);
        }
    }

    private static Map<String, Object> withTransfer(String tenantId, Map<String, Object> transfer) {
        Map<String, Object> body = TenantBodies.tenant(tenantId, "Hello", List.of());
        TenantBodies.agentOf(body).put("transfer", transfer);
        return body;
    }
}
