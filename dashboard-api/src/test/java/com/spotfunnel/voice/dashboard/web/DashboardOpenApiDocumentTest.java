package com.spotfunnel.voice.dashboard.web;

import com.spotfunnel.voice.dashboard.support.DashboardApiProfile;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.OpenApiDocumentContract;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.nio.file.Path;

/** The customer dashboard's typed client is generated from web/dashboard/openapi.json: it must be this API's. */
@QuarkusTest
@TestProfile(DashboardApiProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DashboardOpenApiDocumentTest extends OpenApiDocumentContract {

    @Override
    protected Path committedDocument() {
        return Path.of("..", "web", "dashboard", "openapi.json");
    }
}
