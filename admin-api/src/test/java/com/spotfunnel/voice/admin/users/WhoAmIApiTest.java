package com.spotfunnel.voice.admin.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /me: the console's header names the signed-in operator; nobody else gets an answer. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class WhoAmIApiTest {

    @Test
    void anOperatorSeesTheirNameSubjectAndRole() {
        given().auth()
                .oauth2(Tokens.admin("carol"))
                .get("/me")
                .then()
                .statusCode(200)
                .body("name", equalTo("carol"))
                .body("subject", equalTo("sub-carol"))
                .body("roles", equalTo(List.of("admin")));
    }

    @Test
    void aCustomerOrAnonymousCallerGetsNoAnswer() {
        given().auth().oauth2(Tokens.customer()).get("/me").then().statusCode(403);
        given().get("/me").then().statusCode(401);
    }
}
