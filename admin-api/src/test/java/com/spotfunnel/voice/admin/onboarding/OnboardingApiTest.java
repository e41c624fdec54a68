package com.spotfunnel.voice.admin.onboarding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.admin.support.TenantConfigTopic;
import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantConfigCodec;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class OnboardingApiTest {

    @Inject
    Pool pool;

    @Test
    void stepsAreValidatedResumableAndCompleteCreatesAndPublishesTheTenant() {
        String tenant = "ob-" + UUID.randomUUID().toString().substring(0, 8);
        String number =
                "+1646" + String.format("%07d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 10_000_000L));
        String id = asAdmin()
                .body(Map.of("tenantId", tenant, "name", "Onboarded Dental", "industry", "dental"))
                .post("/onboarding")
                .then()
                .statusCode(201)
                .body("status", equalTo("in_progress"))
                .body("steps.agent", equalTo(false))
                .extract()
                .path("id");

        asAdmin()
                .body(Map.of("systemPrompt", "", "greeting", "Hi", "providers", Map.of("llm", List.of("gpt-17"))))
                .put("/onboarding/" + id + "/agent")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("agent.systemPrompt", "agent.providers.llm[0]"));
        asAdmin()
                .body(Map.of(
                        "systemPrompt",
                        "You answer for Onboarded Dental.",
                        "greeting",
                        "Hello, Onboarded Dental!",
                        "providers",
                        Map.of("llm", List.of("simulated"))))
                .put("/onboarding/" + id + "/agent")
                .then()
                .statusCode(200)
                .body("steps.agent", equalTo(true));

        asAdmin()
                .post("/onboarding/" + id + "/complete")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("telephony"));

        asAdmin()
                .body(Map.of(
                        "knowledgeBases",
                        List.of(Map.of(
                                "name",
                                "FAQ",
                                "documents",
                                List.of(Map.of("title", "Parking", "content", "Parking is free behind the clinic."))))))
                .put("/onboarding/" + id + "/knowledge")
                .then()
                .statusCode(200)
                .body("steps.knowledge", equalTo(true));
        asAdmin()
                .body(Map.of("phoneNumbers", List.of("not-a-number")))
                .put("/onboarding/" + id + "/telephony")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("phoneNumbers[0]"));
        asAdmin()
                .body(Map.of("phoneNumbers", List.of(number)))
                .put("/onboarding/" + id + "/telephony")
                .then()
                .statusCode(200);

        // resume: everything saved so far is there
        asAdmin()
                .get("/onboarding/" + id)
                .then()
                .statusCode(200)
                .body("steps.telephony", equalTo(true))
                .body("phoneNumbers[0]", equalTo(number))
                .body("agent.greeting", equalTo("Hello, Onboarded Dental!"))
                .body("knowledge.knowledgeBases[0].name", equalTo("FAQ"));

        asAdmin()
                .post("/onboarding/" + id + "/complete")
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("tenantId", equalTo(tenant))
                .body("phoneNumbers[0]", equalTo(number));
        asAdmin().post("/onboarding/" + id + "/complete").then().statusCode(409);

        TenantConfig published = TenantConfigCodec.decode(TenantConfigTopic.readUntil(tenant, r -> r.value() != null)
                        .get(0)
                        .value())
                .orElseThrow();
        assertEquals(List.of(number), published.phoneNumbers());
        assertEquals("Hello, Onboarded Dental!", published.agent().greeting());
        asAdmin()
                .queryParam("q", "parking")
                .get("/tenants/" + tenant + "/knowledge/search")
                .then()
                .statusCode(200)
                .body("[0].documentTitle", equalTo("Parking"));
        asAdmin()
                .get("/tenants/" + tenant + "/audit")
                .then()
                .body("action", hasItems("tenant.onboarded", "onboarding.started"));
    }

    @Test
    void anAbandonedSessionExpires() {
        String tenant = "ob-" + UUID.randomUUID().toString().substring(0, 8);
        String id = asAdmin()
                .body(Map.of("tenantId", tenant, "name", "Abandoned"))
                .post("/onboarding")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        pool.preparedQuery(
                        "UPDATE admin.onboarding_sessions SET expires_at = now() - interval '1 minute' WHERE session_id = $1")
                .execute(Tuple.of(UUID.fromString(id)))
                .await()
                .indefinitely();

        asAdmin().get("/onboarding/" + id).then().statusCode(200).body("status", equalTo("expired"));
        asAdmin()
                .body(Map.of("phoneNumbers", List.of("+15005550001")))
                .put("/onboarding/" + id + "/telephony")
                .then()
                .statusCode(410);
        asAdmin().post("/onboarding/" + id + "/complete").then().statusCode(410);
    }

    @Test
    void startIsValidated() {
        asAdmin()
                .body(Map.of("tenantId", "Bad Id", "name", ""))
                .post("/onboarding")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("tenantId", "name"));
        asAdmin().get("/onboarding/nope").then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().auth().oauth2(Tokens.customer()).get("/onboarding").then().statusCode(403);
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON);
    }
}
