package com.spotfunnel.voice.admin.security;

import static io.restassured.RestAssured.given;

import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import com.spotfunnel.voice.infra.testing.SecuritySuite;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/** The security suite (issue 16) over admin-api's OpenAPI document; the role matrix is security/admin-roles.json. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class AdminSecuritySuiteTest extends SecuritySuite {

    private static final Map<String, String> PATH_VALUES = new HashMap<>();

    @BeforeEach
    void aTenantWithKnowledge() {
        if (!PATH_VALUES.isEmpty()) {
            return;
        }
        String tenant = "suite-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of(
                        "tenantId",
                        tenant,
                        "name",
                        "Suite",
                        "agent",
                        Map.of("systemPrompt", "Be kind.", "greeting", "Hello")))
                .post("/tenants")
                .then()
                .statusCode(201);
        String kb = admin().body(Map.of("name", "FAQ"))
                .post("/tenants/" + tenant + "/knowledge-bases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String document = admin().body(Map.of("title", "Hours", "content", "We open at nine."))
                .post("/tenants/" + tenant + "/knowledge-bases/" + kb + "/documents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        PATH_VALUES.putAll(Map.of(
                "tenantId",
                tenant,
                "kbId",
                kb,
                "documentId",
                document,
                "number",
                "+61290000000",
                "id",
                UUID.randomUUID().toString(),
                "invitationId",
                UUID.randomUUID().toString(),
                "sessionId",
                UUID.randomUUID().toString()));
        PATH_VALUES.put("userId", UUID.randomUUID().toString());
    }

    @Override
    protected Map<String, String> tokens() {
        Map<String, String> tokens = new HashMap<>();
        tokens.put("none", null);
        tokens.put("garbage", "garbage");
        String admin = Tokens.admin();
        tokens.put("forged", admin.substring(0, admin.lastIndexOf('.') + 1) + "Zm9yZ2Vk");
        tokens.put("otherAudience", Tokens.adminForAudience("https://another-client.example.com"));
        tokens.put("customer", Tokens.customer());
        tokens.put(
                "otherTenantCustomer",
                io.smallrye.jwt.build.Jwt.preferredUserName("carol")
                        .subject("sub-carol")
                        .groups(java.util.Set.of("customer"))
                        .claim("tenantId", "another-tenant")
                        .issuer("https://server.example.com")
                        .audience("https://service.example.com")
                        .jws()
                        .keyId("1")
                        .sign("privateKey.jwk"));
        tokens.put("admin", admin);
        tokens.put("service", Tokens.pipeline());
        return tokens;
    }

    @Override
    protected Map<String, String> pathValues() {
        return PATH_VALUES;
    }

    @Override
    protected String roleMatrix() {
        return "security/admin-roles.json";
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON);
    }
}
