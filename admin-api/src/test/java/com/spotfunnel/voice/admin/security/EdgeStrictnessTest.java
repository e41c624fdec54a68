package com.spotfunnel.voice.admin.security;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.spotfunnel.voice.admin.support.TestTenants;
import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Issue 16 items 5, 7, 8 and 9 on admin-api: what an attacker or a careless client sends is a 4xx, never a 500. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class EdgeStrictnessTest {

    @OidcWireMock
    WireMockServer oidc;

    @Test
    void nulCharactersAnywhereAreA400NamingTheField() {
        String tenant = TestTenants.create("edge");
        asAdmin()
                .urlEncodingEnabled(false)
                .get("/tenants/%00")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("tenantId"));
        asAdmin()
                .queryParam("tenantId", "\0")
                .get("/users")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tenantId"));
        asAdmin()
                .queryParam("q", "a\0b")
                .get("/tenants/" + tenant + "/knowledge/search")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("q"));
        asAdmin()
                .body(Map.of(
                        "tenantId",
                        "nul-" + UUID.randomUUID().toString().substring(0, 8),
                        "name",
                        "a\0b",
                        "agent",
                        Map.of("systemPrompt", "Be kind.", "greeting", "Hello")))
                .post("/tenants")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        asAdmin()
                .body(Map.of("name", "kb\0"))
                .post("/tenants/" + tenant + "/knowledge-bases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        asAdmin()
                .body(Map.of("email", "a\0@example.com", "role", "admin"))
                .post("/users/invitations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("email"));
        asAdmin()
                .body(Map.of("tenantId", "ob-" + UUID.randomUUID().toString().substring(0, 8), "name", "x\0"))
                .post("/onboarding")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void bodiesAreReadStrictly() {
        String tenant = TestTenants.create("edge");
        // A duplicated key: which value wins must never be a guess.
        asAdmin()
                .body("{\"name\":\"a\",\"name\":\"b\"}")
                .post("/tenants/" + tenant + "/knowledge-bases")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        // No coercion: a number is not a string, 1.5 is not a whole number.
        asAdmin()
                .body("{\"name\":42}")
                .post("/tenants/" + tenant + "/knowledge-bases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        asAdmin()
                .body("{\"tenantId\":\"" + tenant + "\",\"numConversations\":1.5}")
                .post("/api/stress-test/run")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("numConversations"));
    }

    @Test
    void queryValuesAreCheckedNotGuessed() {
        String tenant = TestTenants.create("edge");
        asAdmin()
                .queryParam("limit", "abc")
                .get("/tenants/" + tenant + "/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        asAdmin()
                .queryParam("includeResolved", "maybe")
                .get("/analytics/errors")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("includeResolved"));
        asAdmin()
                .queryParam("includeResolved", "true")
                .get("/analytics/errors")
                .then()
                .statusCode(200);
    }

    @Test
    void badTokensAreRefusedLocallyWithoutAskingTheProviderOrLoggingErrors() throws Exception {
        List<LogRecord> errors = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        List<io.restassured.response.Response> answers = new ArrayList<>();
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        oidc.resetRequests();
        try {
            String valid = Tokens.admin();
            String[] parts = valid.split("\\.");
            String unsignedHeader = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
            List<String> bad = List.of(
                    "garbage",
                    "not.a.jwt",
                    unsignedHeader + "." + parts[1] + ".",
                    parts[0] + "." + parts[1] + "." + b64("forged-signature"),
                    Jwt.preferredUserName("alice")
                            .groups("admin")
                            .issuer("https://server.example.com")
                            .audience("https://service.example.com")
                            .jws()
                            .keyId("unknown-kid")
                            .sign(strangersKey()));
            for (int round = 0; round < 5; round++) {
                for (String token : bad) {
                    answers.add(given().auth().oauth2(token).get("/tenants"));
                }
            }
        } finally {
            root.removeHandler(handler);
        }
        assertEquals(
                0,
                oidc.findAll(anyRequestedFor(urlPathMatching(".*/introspect.*")))
                        .size(),
                "the provider's introspection endpoint was called");
        assertTrue(
                errors.isEmpty(),
                () -> "ERROR log lines: "
                        + errors.stream().map(LogRecord::getMessage).toList());
        for (io.restassured.response.Response answer : answers) {
            answer.then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void aValidBearerTokenWithALeftoverSessionCookieIsServedNotRedirected() {
        for (String cookie : List.of("q_session_web", "q_session_web_chunk_1", "q_session", "q_auth_web")) {
            given().auth()
                    .oauth2(Tokens.admin())
                    .cookie(cookie, "left-over-" + UUID.randomUUID())
                    .redirects()
                    .follow(false)
                    .get("/tenants")
                    .then()
                    .statusCode(200)
                    .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        }
        given().auth()
                .oauth2(Tokens.admin())
                .cookie("q_session_web", "stale")
                .redirects()
                .follow(false)
                .get("/users/invitations")
                .then()
                .statusCode(200);
    }

    /** A key the provider never published. */
    private static java.security.PrivateKey strangersKey() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON);
    }
}
