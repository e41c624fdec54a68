package com.spotfunnel.voice.admin.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Issue 16 item 4: only tokens minted for the API's audience; prod never accepts `any`. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class TokenAudienceTest {

    @Test
    void anAdminTokenMintedForAnotherClientOfTheRealmIsRefused() {
        given().auth().oauth2(Tokens.admin()).get("/tenants").then().statusCode(200);
        given().auth()
                .oauth2(Tokens.adminForAudience("https://another-client.example.com"))
                .get("/tenants")
                .then()
                .statusCode(401);
    }

    @Test
    void prodRequiresTheApiAudienceByDefault() throws IOException {
        SmallRyeConfig prod = new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(getClass().getResource("/application.properties"), 250))
                .build();
        assertEquals("spotfunnel-api", prod.getValue("quarkus.oidc.token.audience", String.class));
    }
}
