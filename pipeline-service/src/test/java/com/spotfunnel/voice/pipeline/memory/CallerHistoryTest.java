package com.spotfunnel.voice.pipeline.memory;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.payload.CallerErased;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.serde.CallEventSerializer;
import com.spotfunnel.voice.events.tenant.AgentConfig;
import com.spotfunnel.voice.events.tenant.CallerHistory;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantRegistry;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.pipeline.analysis.CallerErasures;
import com.spotfunnel.voice.pipeline.fakes.DeepgramFake;
import com.spotfunnel.voice.pipeline.fakes.FakesReset;
import com.spotfunnel.voice.pipeline.fakes.GatewayClient;
import com.spotfunnel.voice.pipeline.fakes.ProviderFakes;
import com.spotfunnel.voice.pipeline.fakes.Sse;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The caller history lives in PostgreSQL (schema {@code pipeline}), not in one pod: a returning caller's recent calls
 * reach the agent's prompt, within the budget, per the tenant's settings, and an operator's erasure removes them.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class CallerHistoryTest extends FakesReset {

    private static final String ANALYSIS_PROMPT = "You analyse a finished phone call";
    private static final String CHAT = ".*/chat/completions";

    @TestHTTPResource("/")
    URI root;

    @Inject
    Pool pool;

    @Inject
    TenantRegistry tenants;

    @Inject
    MeterRegistry meters;

    @Inject
    CallerErasures erasures;

    @Test
    void aReturningCallerIsToldAboutTheirRecentCallsAndTheOpenFollowUp() {
        String tenant = "t-history-" + shortId();
        String caller = number();
        String summary = "Dee reported a leaking boiler " + shortId() + ".";
        analysisSays(summary, "callback_requested", true);
        String first = "call-" + UUID.randomUUID();
        talkAndHangUp(first, tenant, caller);
        awaitRemembered(first);

        Map<String, Object> stored = row(first);
        assertEquals(tenant, stored.get("tenant_id"));
        assertEquals(CallerErased.hash(caller), stored.get("caller_sha256"), "only the number's hash is stored");
        assertEquals(summary, stored.get("summary"));

        talkAndHangUp("call-" + UUID.randomUUID(), tenant, caller);

        ProviderFakes.wireMock()
                .verify(postRequestedFor(urlPathMatching(CHAT))
                        .withRequestBody(notContaining(ANALYSIS_PROMPT))
                        .withRequestBody(containing("This caller has called before (1 recent call"))
                        .withRequestBody(containing(summary + " Outcome: callback requested."))
                        .withRequestBody(containing("Follow-up by the staff was requested.")));
    }

    @Test
    void whatAnotherPodRememberedIsKnownHereAndOtherTenantsAndCallersAreNot() {
        String tenant = "t-shared-" + shortId();
        String caller = number();
        String mine = "Eli asked for a quote on gutter cleaning " + shortId() + ".";
        String otherTenants = "Eli booked a haircut " + shortId() + ".";
        String otherCallers = "Fay asked about parking " + shortId() + ".";
        // Written as any pipeline pod writes it: this instance never saw these calls.
        insert(tenant, caller, Instant.now().minus(2, ChronoUnit.DAYS), mine, "quote_sent", false);
        insert("t-other-" + shortId(), caller, Instant.now().minus(1, ChronoUnit.DAYS), otherTenants, "booked", false);
        insert(tenant, number(), Instant.now().minus(1, ChronoUnit.DAYS), otherCallers, "answered", false);

        talkAndHangUp("call-" + UUID.randomUUID(), tenant, caller);

        ProviderFakes.wireMock()
                .verify(postRequestedFor(urlPathMatching(CHAT)).withRequestBody(containing("2 days ago: " + mine)));
        neverInAPrompt(otherTenants);
        neverInAPrompt(otherCallers);
    }

    @Test
    void whenTheHistoryIsLateTheCallGoesOnWithoutItAndTheMissIsCounted() throws Exception {
        String tenant = "t-slow-" + shortId();
        String caller = number();
        String summary = "Gus asked about a refund " + shortId() + ".";
        insert(tenant, caller, Instant.now().minus(1, ChronoUnit.HOURS), summary, "refund_requested", true);
        double before = overBudget();
        // Another session holds the table: the history query waits far beyond the 150 ms budget.
        SqlConnection locker = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        try {
            locker.query("BEGIN").execute().await().indefinitely();
            locker.query("LOCK TABLE pipeline.caller_calls IN ACCESS EXCLUSIVE MODE")
                    .execute()
                    .await()
                    .indefinitely();
            String callId = "call-" + UUID.randomUUID();
            try (GatewayClient gateway = GatewayClient.connectFrom(root, callId, tenant, caller)) {
                gateway.awaitUtterances(1); // the greeting, whatever the database does
                gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES);
                gateway.awaitTurn(Speaker.AGENT, 2); // answered, without the history
                gateway.send(new GatewayMessage.CallerHangup("caller hung up"));
            }
            assertEquals(before + 1, overBudget(), "pipeline_caller_history_unavailable_total{reason=over_budget}");
            neverInAPrompt(summary);
        } finally {
            locker.query("ROLLBACK").execute().await().indefinitely();
            locker.close().await().indefinitely();
        }
    }

    @Test
    void aTenantWithHistoryOffIsNeitherRememberedNorReminded() {
        String tenant = "t-off-" + shortId();
        tenants.apply(tenant(tenant, new CallerHistory(false, 30)));
        String caller = number();
        String old = "Hal asked about invoices " + shortId() + ".";
        insert(tenant, caller, Instant.now().minus(1, ChronoUnit.DAYS), old, "answered", false);
        analysisSays("Hal called again " + shortId() + ".", "answered", false);
        String callId = "call-" + UUID.randomUUID();

        talkAndHangUp(callId, tenant, caller);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(this::idle);

        neverInAPrompt(old);
        assertTrue(row(callId).isEmpty(), "the call was not remembered");
        // and the purge deletes what was remembered before history was turned off
        erasures.purgeNow().await().atMost(Duration.ofSeconds(10));
        assertEquals(0, count(tenant));
    }

    @Test
    void callsPastTheTenantsRetentionAreNeitherToldNorKept() {
        String tenant = "t-retention-" + shortId();
        tenants.apply(tenant(tenant, new CallerHistory(true, 7)));
        String caller = number();
        String recent = "Ida booked a check-up " + shortId() + ".";
        String expired = "Ida asked about whitening " + shortId() + ".";
        insert(tenant, caller, Instant.now().minus(3, ChronoUnit.DAYS), recent, "appointment_booked", false);
        insert(tenant, caller, Instant.now().minus(10, ChronoUnit.DAYS), expired, "answered", false);

        talkAndHangUp("call-" + UUID.randomUUID(), tenant, caller);

        ProviderFakes.wireMock().verify(postRequestedFor(urlPathMatching(CHAT)).withRequestBody(containing(recent)));
        neverInAPrompt(expired);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(this::idle);
        erasures.purgeNow().await().atMost(Duration.ofSeconds(10));
        List<String> kept = summaries(tenant, caller);
        assertTrue(kept.contains(recent), "kept: " + kept);
        assertFalse(kept.contains(expired), "the expired call is deleted: " + kept);
    }

    @Test
    void anOperatorsErasureDeletesTheCallersHistoryWithThatTenantOnly() throws Exception {
        String tenant = "t-erase-" + shortId();
        String other = "t-keep-" + shortId();
        String caller = number();
        insert(tenant, caller, Instant.now().minus(1, ChronoUnit.DAYS), "Jo one " + shortId(), "answered", false);
        insert(tenant, caller, Instant.now().minus(2, ChronoUnit.DAYS), "Jo two " + shortId(), "answered", true);
        insert(other, caller, Instant.now().minus(2, ChronoUnit.DAYS), "Jo elsewhere " + shortId(), "answered", false);
        assertEquals(2, count(tenant));

        publish(CallEvent.of(
                tenant,
                "erasure-" + UUID.randomUUID(),
                0,
                Instant.now(),
                new CallerErased(CallerErased.hash(caller), "ops@example.com")));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(tenant) == 0);
        assertEquals(1, count(other), "the same number's history with another tenant stays");
    }

    // ---- helpers ----

    private void talkAndHangUp(String callId, String tenant, String caller) {
        try (GatewayClient gateway = GatewayClient.connectFrom(root, callId, tenant, caller)) {
            gateway.awaitUtterances(1);
            gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES);
            gateway.awaitTurn(Speaker.AGENT, 2);
            gateway.send(new GatewayMessage.CallerHangup("caller hung up"));
        }
    }

    private static void analysisSays(String summary, String outcome, boolean requiresAction) {
        String json = new JsonObject()
                .put("summary", summary)
                .put("reasonForCalling", outcome)
                .put("outcome", outcome)
                .put("capturedData", new JsonObject())
                .put("requiresAction", requiresAction)
                .put("priority", "low")
                .encode();
        ProviderFakes.wireMock()
                .stubFor(ProviderFakes.openAi()
                        .withRequestBody(containing(ANALYSIS_PROMPT))
                        .atPriority(1)
                        .willReturn(ProviderFakes.sse(Sse.openAi(json))));
    }

    private static void neverInAPrompt(String text) {
        ProviderFakes.wireMock()
                .verify(0, postRequestedFor(urlPathMatching(CHAT)).withRequestBody(containing(text)));
    }

    private void awaitRemembered(String callId) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !row(callId).isEmpty());
    }

    private Map<String, Object> row(String callId) {
        var rows = pool.preparedQuery(
                        "SELECT tenant_id, caller_sha256, summary FROM pipeline.caller_calls WHERE call_id = $1")
                .execute(Tuple.of(callId))
                .await()
                .atMost(Duration.ofSeconds(10));
        if (rows.size() == 0) {
            return Map.of();
        }
        var row = rows.iterator().next();
        return Map.of(
                "tenant_id", row.getString(0),
                "caller_sha256", row.getString(1),
                "summary", row.getString(2));
    }

    private int count(String tenant) {
        return pool.preparedQuery("SELECT count(*) FROM pipeline.caller_calls WHERE tenant_id = $1")
                .execute(Tuple.of(tenant))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getInteger(0);
    }

    private List<String> summaries(String tenant, String caller) {
        var rows = pool.preparedQuery(
                        "SELECT summary FROM pipeline.caller_calls WHERE tenant_id = $1 AND caller_sha256 = $2 ORDER BY occurred_at DESC")
                .execute(Tuple.of(tenant, CallerErased.hash(caller)))
                .await()
                .atMost(Duration.ofSeconds(10));
        List<String> out = new java.util.ArrayList<>();
        rows.forEach(row -> out.add(row.getString(0)));
        return out;
    }

    private void insert(String tenant, String caller, Instant at, String summary, String outcome, boolean action) {
        pool.preparedQuery("""
                        INSERT INTO pipeline.caller_calls
                               (call_id, tenant_id, caller_sha256, occurred_at, summary, reason_for_calling, outcome,
                                requires_action)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""")
                .execute(Tuple.tuple()
                        .addString("call-" + UUID.randomUUID())
                        .addString(tenant)
                        .addString(CallerErased.hash(caller))
                        .addValue(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .addString(summary)
                        .addString(outcome)
                        .addString(outcome)
                        .addBoolean(action))
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    private double overBudget() {
        var counter = meters.find("pipeline_caller_history_unavailable_total")
                .tag("reason", "over_budget")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static TenantConfig tenant(String id, CallerHistory history) {
        return new TenantConfig(
                id,
                1,
                "History Co",
                "plumbing",
                true,
                List.of(),
                new AgentConfig(
                        "You are History Co's receptionist.",
                        "Hello.",
                        null,
                        null,
                        null,
                        Map.of(),
                        null,
                        history,
                        null),
                Instant.now());
    }

    private static void publish(CallEvent event) throws Exception {
        Properties props = new Properties();
        props.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (KafkaProducer<String, CallEvent> producer =
                new KafkaProducer<>(props, new StringSerializer(), new CallEventSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CALL_EVENTS, event.key(), event))
                    .get();
        }
    }

    private static String number() {
        return "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
