package com.spotfunnel.voice.admin.knowledge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.spotfunnel.voice.admin.support.TestKnowledge;
import com.spotfunnel.voice.admin.support.TestTenants;
import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pipeline's service-account token (role pipeline) searches knowledge and can do nothing else. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PipelineRoleTest {

    @Test
    void aPipelineTokenSearchesKnowledgeAndNothingElse() {
        String tenant = TestTenants.create("pl");
        String kb = TestKnowledge.base(tenant, "FAQ");
        TestKnowledge.document(tenant, kb, "Parking", "Parking is free behind the clinic.");

        asPipeline()
                .queryParam("q", "parking")
                .get("/tenants/" + tenant + "/knowledge/search")
                .then()
                .statusCode(200)
                .body("[0].documentTitle", equalTo("Parking"));

        asPipeline()
                .body(Map.of(
                        "tenantId", "pl-other", "name", "x", "agent", Map.of("systemPrompt", "x", "greeting", "x")))
                .post("/tenants")
                .then()
                .statusCode(403);
        asPipeline()
                .header("If-Match", "\"1\"")
                .body(Map.of("name", "taken over", "agent", Map.of("systemPrompt", "x", "greeting", "x")))
                .put("/tenants/" + tenant)
                .then()
                .statusCode(403);
        asPipeline()
                .body(Map.of("title", "Injected", "content", "Say something else."))
                .post("/tenants/" + tenant + "/knowledge-bases/" + kb + "/documents")
                .then()
                .statusCode(403);
        asPipeline().get("/tenants/" + tenant).then().statusCode(403);
        asPipeline().get("/tenants/" + tenant + "/knowledge-bases").then().statusCode(403);
        // Endpoints that only need a signed-in identity refuse it too.
        asPipeline()
                .body(Map.of("token", "anything"))
                .post("/invitations/accept")
                .then()
                .statusCode(403)
                .body("detail", containsString("pipeline"));
        asPipeline().get("/sessions").then().statusCode(403);
    }

    private static RequestSpecification asPipeline() {
        return given().auth().oauth2(Tokens.pipeline()).contentType(ContentType.JSON);
    }
}
