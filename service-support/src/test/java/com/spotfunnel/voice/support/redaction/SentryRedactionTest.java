package com.spotfunnel.voice.support.redaction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A Sentry event as it reaches Sentry: a local fake speaking Sentry's envelope endpoint, the DSN pointing at it.
 * The event carries the tenant and call ids as tags, and no phone number or secret anywhere.
 */
@QuarkusTest
@TestProfile(SentryRedactionTest.WithSentry.class)
class SentryRedactionTest {

    static WireMockServer sentry;

    public static class WithSentry implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeSentry.class));
        }
    }

    public static class FakeSentry implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            sentry = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            sentry.start();
            sentry.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
            return Map.of(
                    "quarkus.log.sentry.enabled",
                    "true",
                    "quarkus.log.sentry.dsn",
                    "http://publickey@127.0.0.1:" + sentry.port() + "/42");
        }

        @Override
        public void stop() {
            sentry.stop();
        }
    }

    @Test
    void theEventCarriesTenantAndCallButNoPhoneNumberOrSecret() {
        String callId = "call-" + UUID.randomUUID();
        given().contentType("text/plain")
                .body("+14155550123 rejected with token test-twilio-token-7f3a9c")
                .queryParam("tenantId", "tenant-acme")
                .queryParam("callId", callId)
                .post("/test/log")
                .then()
                .statusCode(204);

        String event = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                sentry
                                        .findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                                anyUrl()))
                                        .stream()
                                        .map(LoggedRequest::getBodyAsString)
                                        .filter(body -> body.contains(callId))
                                        .findFirst()
                                        .orElse(null),
                        java.util.Objects::nonNull);

        assertTrue(event.contains("\"tenantId\":\"tenant-acme\""), event);
        assertTrue(event.contains("\"callId\":\"" + callId + "\""), event);
        assertTrue(event.contains("[phone] rejected with token [secret]"), event);
        // Sentry groups issues by exception type: still the original's, not the masking stand-in's.
        assertTrue(event.contains("\"type\":\"IllegalStateException\""), event);
        assertFalse(event.contains("4155550123"), "the caller's number reached Sentry: " + event);
        assertFalse(event.contains("4155550177"), "the MDC's caller number reached Sentry: " + event);
        assertFalse(event.contains("test-twilio-token-7f3a9c"), "the Twilio token reached Sentry: " + event);
    }
}
