package com.spotfunnel.voice.admin.tenants;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.admin.support.TenantConfigTopic;
import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantConfigCodec;
import com.spotfunnel.voice.events.tenant.TenantRegistry;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class TenantApiTest {

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Test
    void createAndUpdateReachAGatewayRegistryThroughTheRealTopic() {
        String tenantId = newTenantId();
        String first = uniqueNumber();
        Response created = asAdmin()
                .body(TenantBodies.tenant(tenantId, "Hello from Acme", List.of(first)))
                .post("/tenants");
        created.then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("phoneNumbers", equalTo(List.of(first)));

        TenantRegistry registry = new TenantRegistry();
        feed(registry, TenantConfigTopic.readUntil(tenantId, r -> version(r) == 1));
        TenantConfig v1 = registry.byPhoneNumber(first).orElseThrow();
        assertEquals(tenantId, v1.tenantId());
        assertEquals("Hello from Acme", v1.agent().greeting());
        assertEquals(List.of("simulated"), v1.agent().providers().llm());
        assertEquals("+14155550111", v1.agent().transferNumber());
        assertEquals(
                "Sorry, I am having trouble. Let me transfer you.",
                v1.agent().fallbackMessages().get(FailureKind.LLM));

        String second = uniqueNumber();
        Map<String, Object> body = TenantBodies.tenant(tenantId, "Hello again", List.of(second));
        asAdmin()
                .header("If-Match", "\"1\"")
                .body(body)
                .put("/tenants/" + tenantId)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("agent.greeting", equalTo("Hello again"));

        feed(registry, TenantConfigTopic.readUntil(tenantId, r -> version(r) == 2));
        assertEquals(2, registry.byPhoneNumber(second).orElseThrow().version());
        assertEquals(
                "Hello again",
                registry.byPhoneNumber(second).orElseThrow().agent().greeting());
        assertTrue(registry.byPhoneNumber(first).isEmpty(), "the replaced number no longer resolves");
    }

    @Test
    void aStaleEtagIs412AndAMissingOneIs428() {
        String tenantId = newTenantId();
        asAdmin()
                .body(TenantBodies.tenant(tenantId, "Hi", List.of(uniqueNumber())))
                .post("/tenants")
                .then()
                .statusCode(201);

        asAdmin()
                .body(TenantBodies.tenant(tenantId, "No precondition", null))
                .put("/tenants/" + tenantId)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));

        asAdmin()
                .header("If-Match", "\"1\"")
                .body(TenantBodies.tenant(tenantId, "First writer", null))
                .put("/tenants/" + tenantId)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"");
        asAdmin()
                .header("If-Match", "\"1\"")
                .body(TenantBodies.tenant(tenantId, "Second writer", null))
                .put("/tenants/" + tenantId)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");

        given().auth()
                .oauth2(Tokens.admin())
                .get("/tenants/" + tenantId)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("agent.greeting", equalTo("First writer"));
    }

    @Test
    void twoConcurrentWritersWithTheSameEtagNeverBothWin() {
        String tenantId = newTenantId();
        asAdmin()
                .body(TenantBodies.tenant(tenantId, "Hi", List.of()))
                .post("/tenants")
                .then()
                .statusCode(201);

        List<CompletableFuture<Integer>> writers = List.of("A", "B", "C").stream()
                .map(name -> CompletableFuture.supplyAsync(() -> asAdmin()
                        .header("If-Match", "\"1\"")
                        .body(TenantBodies.tenant(tenantId, "Writer " + name, null))
                        .put("/tenants/" + tenantId)
                        .statusCode()))
                .toList();
        List<Integer> statuses =
                writers.stream().map(CompletableFuture::join).sorted().toList();

        assertEquals(List.of(200, 412, 412), statuses);
        given().auth().oauth2(Tokens.admin()).get("/tenants/" + tenantId).then().header("ETag", "\"2\"");
    }

    @Test
    void badInputIs400NamingEveryWrongField() {
        Map<String, Object> body = TenantBodies.tenant("Not A Valid Id", "Hi", List.of("0412 345 678"));
        Map<String, Object> agent = TenantBodies.agentOf(body);
        agent.put("systemPrompt", "x".repeat(8001));
        agent.put("transferNumber", "555-0111");
        agent.put(
                "providers",
                Map.of("stt", List.of("deepgram"), "llm", List.of("openai", "chatgpt-9"), "tts", List.of()));
        agent.put("fallbackMessages", Map.of("weather", "It is raining."));
        agent.put(
                "businessHours",
                Map.of(
                        "timeZone",
                        "Mars/Olympus",
                        "weekly",
                        List.of(Map.of("day", "funday", "opens", "18:00", "closes", "09:00"))));

        asAdmin()
                .body(body)
                .post("/tenants")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        hasItems(
                                "tenantId",
                                "phoneNumbers[0]",
                                "agent.systemPrompt",
                                "agent.transferNumber",
                                "agent.providers.llm[1]",
                                "agent.fallbackMessages.weather",
                                "agent.businessHours.timeZone",
                                "agent.businessHours.weekly[0].day",
                                "agent.businessHours.weekly[0].closes"));

        Map<String, Object> noAgent = TenantBodies.tenant(newTenantId(), "Hi", List.of());
        noAgent.remove("agent");
        noAgent.put("name", " ");
        asAdmin().body(noAgent).post("/tenants").then().statusCode(400).body("errors.field", hasItems("agent", "name"));

        asAdmin()
                .body("{\"tenantId\": \"x-1\", \"active\": {\"nested\": true}}")
                .post("/tenants")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("active"));
        asAdmin().body("{not json").post("/tenants").then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void aNumberBelongsToOneTenantOnly() {
        String number = uniqueNumber();
        asAdmin()
                .body(TenantBodies.tenant(newTenantId(), "Hi", List.of(number)))
                .post("/tenants")
                .then()
                .statusCode(201);
        String other = newTenantId();
        asAdmin()
                .body(TenantBodies.tenant(other, "Hi", List.of(number)))
                .post("/tenants")
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("phoneNumbers"));
        asAdmin()
                .body(TenantBodies.tenant(other, "Hi", List.of()))
                .post("/tenants")
                .then()
                .statusCode(201);
        asAdmin()
                .body(Map.of("numbers", List.of(number)))
                .post("/tenants/" + other + "/phone-numbers")
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("numbers"));
        asAdmin()
                .body(Map.of("numbers", List.of("12345")))
                .post("/tenants/" + other + "/phone-numbers")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("numbers[0]"));
    }

    @Test
    void addingAndRemovingANumberPublishesANewVersion() {
        String tenantId = newTenantId();
        asAdmin()
                .body(TenantBodies.tenant(tenantId, "Hi", List.of()))
                .post("/tenants")
                .then()
                .statusCode(201);
        String number = uniqueNumber();
        asAdmin()
                .body(Map.of("numbers", List.of(number)))
                .post("/tenants/" + tenantId + "/phone-numbers")
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("phoneNumbers", hasItem(number));

        TenantRegistry registry = new TenantRegistry();
        feed(registry, TenantConfigTopic.readUntil(tenantId, r -> version(r) == 2));
        assertEquals(tenantId, registry.byPhoneNumber(number).orElseThrow().tenantId());

        asAdmin()
                .delete("/tenants/" + tenantId + "/phone-numbers/" + number)
                .then()
                .statusCode(200)
                .header("ETag", "\"3\"");
        feed(registry, TenantConfigTopic.readUntil(tenantId, r -> version(r) == 3));
        assertTrue(registry.byPhoneNumber(number).isEmpty());
    }

    @Test
    void deletingATenantPublishesATombstone() {
        String tenantId = newTenantId();
        String number = uniqueNumber();
        asAdmin()
                .body(TenantBodies.tenant(tenantId, "Hi", List.of(number)))
                .post("/tenants")
                .then()
                .statusCode(201);
        asAdmin().delete("/tenants/" + tenantId).then().statusCode(428);
        asAdmin()
                .header("If-Match", "\"1\"")
                .delete("/tenants/" + tenantId)
                .then()
                .statusCode(204);

        TenantRegistry registry = new TenantRegistry();
        feed(registry, TenantConfigTopic.readUntil(tenantId, r -> r.value() == null));
        assertTrue(registry.byTenantId(tenantId).isEmpty());
        given().auth().oauth2(Tokens.admin()).get("/tenants/" + tenantId).then().statusCode(404);
    }

    @Test
    void everyChangeIsAudited() {
        String tenantId = newTenantId();
        given().auth()
                .oauth2(Tokens.admin("carol"))
                .contentType(ContentType.JSON)
                .body(TenantBodies.tenant(tenantId, "Before", List.of()))
                .post("/tenants")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.admin("dave"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(TenantBodies.tenant(tenantId, "After", List.of()))
                .put("/tenants/" + tenantId)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(Tokens.admin())
                .get("/tenants/" + tenantId + "/audit")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].actor", equalTo("dave"))
                .body("[0].action", equalTo("tenant.updated"))
                .body("[0].version", equalTo(2))
                .body("[0].before.agent.greeting", equalTo("Before"))
                .body("[0].after.agent.greeting", equalTo("After"))
                .body("[1].actor", equalTo("carol"))
                .body("[1].action", equalTo("tenant.created"))
                .body("[1].before", equalTo(null))
                .body("[1].after.version", equalTo(1));
    }

    /**
     * A change committed while its immediate publish did not happen (Kafka down, instance crashed after the
     * commit) sits in the outbox; the scheduled drain publishes it and marks it.
     */
    @Test
    void theScheduledRelayPublishesWhatTheOutboxHolds() {
        String tenantId = newTenantId();
        asAdmin()
                .body(TenantBodies.tenant(tenantId, "Hi", List.of()))
                .post("/tenants")
                .then()
                .statusCode(201);
        TenantConfig current = TenantConfigCodec.decode(TenantConfigTopic.readUntil(tenantId, r -> version(r) == 1)
                        .get(0)
                        .value())
                .orElseThrow();

        TenantConfig stranded = new TenantConfig(
                tenantId,
                7,
                current.name(),
                current.industry(),
                current.active(),
                List.of("+16175550177"),
                current.agent(),
                current.updatedAt());
        pool.preparedQuery("INSERT INTO admin.tenant_config_outbox (tenant_id, version, payload) VALUES ($1, $2, $3)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(
                        tenantId,
                        7L,
                        new String(TenantConfigCodec.encode(stranded), java.nio.charset.StandardCharsets.UTF_8)))
                .await()
                .indefinitely();

        TenantRegistry registry = new TenantRegistry();
        feed(registry, TenantConfigTopic.readUntil(tenantId, r -> version(r) == 7));
        assertEquals(
                tenantId, registry.byPhoneNumber("+16175550177").orElseThrow().tenantId());
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> pool.preparedQuery(
                                        "SELECT count(*) FROM admin.tenant_config_outbox WHERE tenant_id = $1 AND published_at IS NULL")
                                .execute(io.vertx.mutiny.sqlclient.Tuple.of(tenantId))
                                .await()
                                .indefinitely()
                                .iterator()
                                .next()
                                .getLong(0)
                        == 0);
    }

    /** The exact body docs/admin-api.md gives the local stack for seeding its demo tenant. */
    @Test
    void theDocumentedDemoSeedWorksAndIsSafeToRepeat() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/admin-api.md"));
        int start = doc.indexOf("-d '", doc.indexOf("### Seeding the demo tenant")) + 4;
        String body = doc.substring(start, doc.indexOf("'", start));

        asAdmin().body(body).post("/tenants").then().statusCode(201).header("ETag", "\"1\"");
        asAdmin().body(body).post("/tenants").then().statusCode(409).body("errors[0].field", equalTo("tenantId"));

        TenantRegistry registry = new TenantRegistry();
        feed(registry, TenantConfigTopic.readUntil("demo-tenant", r -> version(r) == 1));
        TenantConfig demo = registry.byPhoneNumber("+15005550006").orElseThrow();
        assertEquals("demo-tenant", demo.tenantId());
        assertEquals(List.of("simulated"), demo.agent().providers().stt());
        assertEquals("+15005550010", demo.agent().transferNumber());
    }

    @Test
    void onlyAdminsMayUseTheApi() {
        given().get("/tenants").then().statusCode(401);
        given().auth().oauth2(Tokens.customer()).get("/tenants").then().statusCode(403);
        given().auth()
                .oauth2(Tokens.customer())
                .contentType(ContentType.JSON)
                .body(TenantBodies.tenant(newTenantId(), "Hi", List.of()))
                .post("/tenants")
                .then()
                .statusCode(403);
        given().auth().oauth2("not-a-token").get("/tenants").then().statusCode(401);
        given().auth().oauth2(Tokens.admin()).get("/tenants").then().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification asAdmin() {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON);
    }

    private static void feed(TenantRegistry registry, List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<TenantConfig> config = TenantConfigCodec.decode(record.value());
            if (config.isPresent()) {
                registry.apply(config.get());
            } else {
                registry.remove(record.key());
            }
        }
    }

    private static long version(ConsumerRecord<String, byte[]> record) {
        return TenantConfigCodec.decode(record.value())
                .map(TenantConfig::version)
                .orElse(-1L);
    }

    static String newTenantId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String uniqueNumber() {
        long digits = Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000L);
        return "+1415" + String.format("%07d", digits);
    }
}
