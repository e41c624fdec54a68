package com.spotfunnel.voice.admin.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's knowledge searches (one per caller turn of every live call, through one service account) are
 * counted on the live-call budget per pipeline pod, not on the small per-address and per-operator budgets that
 * keep a runaway operator script in check.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@TestProfile(PipelineSearchBudgetTest.TinyBudgets.class)
class PipelineSearchBudgetTest {

    static final int SMALL = 3;
    static final int CALLS = 20;

    /** Rate limiting on, with budgets a test can exhaust, counting in the machine's Redis under a prefix of its own. */
    public static class TinyBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "spotfunnel.rate-limit.enabled",
                    "true",
                    "spotfunnel.rate-limit.key-prefix",
                    "test-" + UUID.randomUUID(),
                    "spotfunnel.rate-limit.trusted-proxies",
                    "127.0.0.1,::1",
                    "spotfunnel.rate-limit.store-timeout",
                    "5s",
                    "spotfunnel.rate-limit.client.requests",
                    Integer.toString(SMALL),
                    "spotfunnel.rate-limit.principal.requests",
                    Integer.toString(SMALL),
                    "spotfunnel.rate-limit.calls.requests",
                    Integer.toString(CALLS));
        }
    }

    @Test
    void thePipelineSearchesFarMoreOftenThanAnOperatorMayCall() {
        String pipelinePod = "10.1.0.7";
        for (int turn = 1; turn <= SMALL * 3; turn++) {
            given().auth()
                    .oauth2(Tokens.pipeline())
                    .header("X-Forwarded-For", pipelinePod)
                    .queryParam("q", "parking")
                    .get("/tenants/t-budget/knowledge/search")
                    .then()
                    .statusCode(200)
                    .header("X-RateLimit-Limit", equalTo(Integer.toString(CALLS)));
        }
    }

    @Test
    void anOperatorIsStillHeldToTheOperatorBudget() {
        String operator = "operator-" + UUID.randomUUID();
        for (int i = 0; i < SMALL; i++) {
            given().auth()
                    .oauth2(Tokens.admin(operator))
                    .header("X-Forwarded-For", "10.2.0." + (i + 1))
                    .get("/tenants")
                    .then()
                    .statusCode(200);
        }
        given().auth()
                .oauth2(Tokens.admin(operator))
                .header("X-Forwarded-For", "10.2.0.99")
                .get("/tenants")
                .then()
                .statusCode(429)
                .body("limit", equalTo("operator"));
    }
}
