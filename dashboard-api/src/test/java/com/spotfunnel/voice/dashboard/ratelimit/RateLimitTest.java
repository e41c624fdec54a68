package com.spotfunnel.voice.dashboard.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.dashboard.support.Metrics;
import com.spotfunnel.voice.dashboard.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import com.spotfunnel.voice.support.ratelimit.RedisWindowCounter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What a client of the dashboard API notices of rate limiting: counting-down headers, then 429 with Retry-After
 * and a problem naming the limit; health exempt; a tenant's budget shared by all its addresses; the client
 * address taken from X-Forwarded-For because the peer is a trusted proxy (see {@link RateLimitedProfile}).
 */
@QuarkusTest
@TestProfile(RateLimitedProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class RateLimitTest {

    @Inject
    RedisWindowCounter counter;

    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);

    @Test
    void headersCountDownThenTheNextRequestIs429WithRetryAfterAndAProblem() {
        String client = newClient();
        String token = Tokens.customer(newTenant());
        for (int i = 1; i <= RateLimitedProfile.CLIENT_REQUESTS; i++) {
            Response ok = calls(client, token);
            ok.then()
                    .statusCode(200)
                    .header("X-RateLimit-Limit", String.valueOf(RateLimitedProfile.CLIENT_REQUESTS))
                    .header("X-RateLimit-Remaining", String.valueOf(RateLimitedProfile.CLIENT_REQUESTS - i));
            assertWithinWindow(ok.header("X-RateLimit-Reset"));
        }
        Response refused = calls(client, token);
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("X-RateLimit-Remaining", "0")
                .body("status", equalTo(429))
                .body("limit", equalTo("client"))
                .body("detail", containsString("'client'"));
        assertWithinWindow(refused.header("Retry-After"));
        assertTrue(Metrics.value("http_rate_limited_total{limit=\"client\"}") >= 1);
    }

    @Test
    void healthReadinessAndMetricsAreExempt() {
        String client = exhaustedClient();
        for (String probe : new String[] {"/q/health/ready", "/q/health/live", "/q/metrics"}) {
            given().header("X-Forwarded-For", client)
                    .get(probe)
                    .then()
                    .statusCode(200)
                    .header("X-RateLimit-Limit", nullValue());
        }
    }

    @Test
    void aTenantsBudgetCountsAcrossAllItsClientAddresses() {
        String tenant = newTenant();
        String token = Tokens.customer(tenant);
        for (int i = 1; i <= RateLimitedProfile.TENANT_REQUESTS; i++) {
            calls(newClient(), token).then().statusCode(200);
        }
        String fresh = newClient();
        calls(fresh, token)
                .then()
                .statusCode(429)
                .header("X-RateLimit-Limit", String.valueOf(RateLimitedProfile.TENANT_REQUESTS))
                .header("X-RateLimit-Remaining", "0")
                .body("limit", equalTo("tenant"));
        // Another tenant's staff, from the very same address, is not affected.
        calls(fresh, Tokens.customer(newTenant())).then().statusCode(200);
        assertTrue(Metrics.value("http_rate_limited_total{limit=\"tenant\"}") >= 1);
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnBudget() {
        exhaustedClient();
        calls(newClient(), Tokens.customer(newTenant()))
                .then()
                .statusCode(200)
                .header("X-RateLimit-Remaining", String.valueOf(RateLimitedProfile.CLIENT_REQUESTS - 1));
    }

    @Test
    void aBadTokenIsStillAnsweredByAuthenticationNotByTheLimiter() {
        given().header("X-Forwarded-For", newClient())
                .auth()
                .oauth2("not-a-jwt")
                .get("/api/v1/calls")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("X-RateLimit-Limit", String.valueOf(RateLimitedProfile.CLIENT_REQUESTS));
    }

    /**
     * Access comes back by itself: a window's counter in Redis expires when the window ends, and the next request
     * starts a new one (tested on the store with a one-second window; the API's windows are a minute long).
     */
    @Test
    void aBudgetComesBackWhenItsWindowEnds() {
        String key = "spotfunnel-test:window:" + newTenant();
        assertEquals(
                1,
                counter.increment(key, 1000)
                        .await()
                        .atMost(Duration.ofSeconds(5))
                        .count());
        RedisWindowCounter.Window second = counter.increment(key, 1000).await().atMost(Duration.ofSeconds(5));
        assertEquals(2, second.count());
        assertTrue(second.resetMillis() > 0 && second.resetMillis() <= 1000, "resets within the window: " + second);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> counter.increment(key, 1000)
                                .await()
                                .atMost(Duration.ofSeconds(5))
                                .count()
                        == 1);
    }

    private static String exhaustedClient() {
        String client = newClient();
        String token = Tokens.customer(newTenant());
        for (int i = 0; i < RateLimitedProfile.CLIENT_REQUESTS; i++) {
            calls(client, token).then().statusCode(200);
        }
        calls(client, token).then().statusCode(429);
        return client;
    }

    private static Response calls(String client, String token) {
        return given().header("X-Forwarded-For", client).auth().oauth2(token).get("/api/v1/calls");
    }

    private static void assertWithinWindow(String seconds) {
        long value = Long.parseLong(seconds);
        assertTrue(value >= 1 && value <= 60, "seconds within the 1-minute window: " + value);
    }

    /** A documentation address (198.51.100.0/24, 203.0.113.0/24) no other test uses. */
    private static String newClient() {
        int n = NEXT_CLIENT.getAndIncrement();
        return (n < 250 ? "198.51.100." : "203.0.113.") + (n % 250 + 1);
    }

    private static String newTenant() {
        return "rl-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }
}
