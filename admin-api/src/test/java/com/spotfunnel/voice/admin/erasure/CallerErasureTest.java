package com.spotfunnel.voice.admin.erasure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.DecodedCallEvent;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.payload.CallerErased;
import com.spotfunnel.voice.events.serde.CallEventDeserializer;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * "Forget this number": an admin erases a caller of a tenant; the erasure is in the tenant's audit log and travels
 * on call-events as CallerErased (the number as SHA-256 only) for every owner of caller data to apply. The
 * per-tenant caller-history settings are validated.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CallerErasureTest {

    @Test
    void anAdminsErasureIsAuditedAndPublishedWithoutTheNumber() {
        String tenantId = newTenant(null);
        String caller = "+14155550123";

        String erasureId = given().auth()
                .oauth2(Tokens.admin("erin"))
                .contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", caller))
                .post("/tenants/" + tenantId + "/caller-erasures")
                .then()
                .statusCode(202)
                .body("tenantId", equalTo(tenantId))
                .body("callerPhoneSha256", equalTo(CallerErased.hash(caller)))
                .body("erasedBy", equalTo("erin"))
                .extract()
                .path("erasureId");

        CallEvent event = awaitEvent(erasureId);
        assertEquals(tenantId, event.tenantId());
        CallerErased erased = (CallerErased) event.payload();
        assertEquals(CallerErased.hash(caller), erased.callerPhoneSha256());
        assertEquals("erin", erased.requestedBy());

        given().auth()
                .oauth2(Tokens.admin())
                .get("/tenants/" + tenantId + "/audit")
                .then()
                .statusCode(200)
                .body("[0].actor", equalTo("erin"))
                .body("[0].action", equalTo("caller.erased"))
                .body("[0].after.callerPhoneSha256", equalTo(CallerErased.hash(caller)))
                .body(not(containsString("5550123")));
    }

    @Test
    void onlyAnAdminMayEraseAValidNumberOfAKnownTenant() {
        String tenantId = newTenant(null);
        given().auth()
                .oauth2(Tokens.customer())
                .contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", "+14155550123"))
                .post("/tenants/" + tenantId + "/caller-erasures")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", "0412 345 678"))
                .post("/tenants/" + tenantId + "/caller-erasures")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("phoneNumber"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", "+14155550123"))
                .post("/tenants/t-no-such-tenant/caller-erasures")
                .then()
                .statusCode(404);
    }

    @Test
    void aTenantsCallerHistorySettingsAreValidatedAndKept() {
        Map<String, Object> wrong = tenantBody(newId(), Map.of("enabled", true, "retentionDays", 0));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(wrong)
                .post("/tenants")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("agent.callerHistory.retentionDays"));

        String tenantId = newTenant(Map.of("enabled", false, "retentionDays", 30));
        given().auth()
                .oauth2(Tokens.admin())
                .get("/tenants/" + tenantId)
                .then()
                .statusCode(200)
                .body("agent.callerHistory.enabled", equalTo(false))
                .body("agent.callerHistory.retentionDays", equalTo(30));
    }

    private static String newTenant(Map<String, Object> callerHistory) {
        String tenantId = newId();
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(tenantBody(tenantId, callerHistory))
                .post("/tenants")
                .then()
                .statusCode(201);
        return tenantId;
    }

    private static Map<String, Object> tenantBody(String tenantId, Map<String, Object> callerHistory) {
        Map<String, Object> agent = new HashMap<>();
        agent.put("systemPrompt", "You are the receptionist of Acme Plumbing.");
        agent.put("greeting", "Acme Plumbing, hello.");
        if (callerHistory != null) {
            agent.put("callerHistory", callerHistory);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("tenantId", tenantId);
        body.put("name", "Acme Plumbing " + tenantId);
        body.put("agent", agent);
        body.put("phoneNumbers", List.of());
        return body;
    }

    private static String newId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static CallEvent awaitEvent(String key) {
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, DecodedCallEvent> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new CallEventDeserializer())) {
            consumer.subscribe(List.of(Topics.CALL_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, DecodedCallEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && record.value() instanceof DecodedCallEvent.Known known) {
                        return known.event();
                    }
                }
            }
        }
        throw new AssertionError("no CallerErased " + key + " on " + Topics.CALL_EVENTS);
    }
}
