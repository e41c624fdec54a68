package com.spotfunnel.voice.dashboard.security;

import com.spotfunnel.voice.dashboard.projection.ProjectionWriter;
import com.spotfunnel.voice.dashboard.support.Calls;
import com.spotfunnel.voice.dashboard.support.DashboardApiProfile;
import com.spotfunnel.voice.dashboard.support.Seeder;
import com.spotfunnel.voice.dashboard.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import com.spotfunnel.voice.infra.testing.SecuritySuite;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

/** The security suite (issue 16) over dashboard-api's OpenAPI document; the role matrix is security/dashboard-roles.json. */
@QuarkusTest
@TestProfile(DashboardApiProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DashboardSecuritySuiteTest extends SecuritySuite {

    private static final String TENANT = "tenant-suite";
    private static final Map<String, String> PATH_VALUES = new HashMap<>();

    @Inject
    ProjectionWriter writer;

    @BeforeEach
    void aCallOfTheTenant() {
        if (PATH_VALUES.isEmpty()) {
            PATH_VALUES.put(
                    "callId",
                    Seeder.seed(writer, Calls.of(TENANT).requiresAction(true)).callId());
        }
    }

    @Override
    protected Map<String, String> tokens() {
        Map<String, String> tokens = new HashMap<>();
        tokens.put("none", null);
        tokens.put("garbage", "garbage");
        String customer = Tokens.customer(TENANT);
        tokens.put("forged", customer.substring(0, customer.lastIndexOf('.') + 1) + "Zm9yZ2Vk");
        tokens.put("otherAudience", Tokens.otherAudience(TENANT));
        tokens.put("customer", customer);
        tokens.put("otherTenantCustomer", Tokens.customer("tenant-suite-other"));
        tokens.put("admin", Tokens.admin());
        tokens.put(
                "service",
                Jwt.preferredUserName("pipeline-service")
                        .groups(Set.of("pipeline"))
                        .issuer(Tokens.ISSUER)
                        .audience(Tokens.AUDIENCE)
                        .sign());
        return tokens;
    }

    @Override
    protected Map<String, String> pathValues() {
        return PATH_VALUES;
    }

    @Override
    protected Map<String, String> queryFor(String tokenKind) {
        return "admin".equals(tokenKind) ? Map.of("tenantId", TENANT) : Map.of();
    }

    @Override
    protected String roleMatrix() {
        return "security/dashboard-roles.json";
    }
}
