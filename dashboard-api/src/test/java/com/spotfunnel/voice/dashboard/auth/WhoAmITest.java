package com.spotfunnel.voice.dashboard.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.spotfunnel.voice.dashboard.support.DashboardApiProfile;
import com.spotfunnel.voice.dashboard.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** The dashboard greets the person and knows whether to offer a tenant picker. */
@QuarkusTest
@TestProfile(DashboardApiProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class WhoAmITest {

    @Test
    void aCustomerSeesTheirOwnTenant() {
        given().auth()
                .oauth2(Tokens.customer("tenant-a"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("roles", contains("customer"))
                .body("name", equalTo("staff-of-tenant-a"))
                .body("tenantId", equalTo("tenant-a"));
    }

    @Test
    void anAdminHasNoTenantAndPicksOne() {
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("roles", contains("admin"))
                .body("tenantId", nullValue());
    }

    @Test
    void nobodyWithoutAToken() {
        given().get("/api/v1/me").then().statusCode(401);
    }
}
