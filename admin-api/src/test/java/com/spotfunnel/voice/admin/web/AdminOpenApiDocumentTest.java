package com.spotfunnel.voice.admin.web;

import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.OpenApiDocumentContract;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.nio.file.Path;

/** The operator console's typed client is generated from web/console/openapi.json: it must be this API's. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class AdminOpenApiDocumentTest extends OpenApiDocumentContract {

    @Override
    protected Path committedDocument() {
        return Path.of("..", "web", "console", "openapi.json");
    }
}
