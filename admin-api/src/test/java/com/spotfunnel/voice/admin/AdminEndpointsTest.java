package com.spotfunnel.voice.admin;

import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PathNormalisationProbe;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import com.spotfunnel.voice.infra.testing.StandardEndpointsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class AdminEndpointsTest extends StandardEndpointsContract {

    @Override
    protected List<String> requiredReadinessChecks() {
        return List.of("Reactive PostgreSQL", "Database connections");
    }

    @Override
    protected String openApiTitle() {
        return "SpotFunnel Admin API";
    }

    @Override
    protected long maxRequestBodyBytes() {
        return 2 * 1024 * 1024; // room for a 200 000-character knowledge document
    }

    /** No path-based permission exists (roles are annotations); this proves no path spelling gets around them. */
    @Test
    void noPathSpellingReachesAProtectedResourceWithoutAToken() throws Exception {
        PathNormalisationProbe.assertNoTrickIsServed(RestAssured.port, "/tenants");
    }
}
