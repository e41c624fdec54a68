package com.spotfunnel.voice.admin.knowledge;

import static com.spotfunnel.voice.admin.support.TestTenants.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.admin.support.TestKnowledge;
import com.spotfunnel.voice.admin.support.TestTenants;
import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class KnowledgeApiTest {

    @Test
    void documentsAreChunkedAndRetrievedByFullTextSearch() {
        String tenant = TestTenants.create("kb");
        String kb = asAdmin()
                .body(Map.of("name", "FAQ", "description", "Front desk answers"))
                .post("/tenants/" + tenant + "/knowledge-bases")
                .then()
                .statusCode(201)
                .body("name", equalTo("FAQ"))
                .extract()
                .path("id");
        String otherKb = TestKnowledge.base(tenant, "Prices");
        asAdmin()
                .body(Map.of("name", "FAQ"))
                .post("/tenants/" + tenant + "/knowledge-bases")
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("name"));

        String parking = "Parking is free in the lot behind the clinic on Elm Street.\n\n"
                + "Opening hours are Monday to Friday, nine to five. ".repeat(30);
        asAdmin()
                .body(Map.of("title", "Visiting us", "content", parking))
                .post("/tenants/" + tenant + "/knowledge-bases/" + kb + "/documents")
                .then()
                .statusCode(201)
                .body("chunks", greaterThan(1));
        asAdmin()
                .body(Map.of(
                        "title", "Price list", "content", "A cleaning costs 90 dollars. Whitening costs 300 dollars."))
                .post("/tenants/" + tenant + "/knowledge-bases/" + otherKb + "/documents")
                .then()
                .statusCode(201)
                .body("chunks", equalTo(1));

        List<Map<String, Object>> passages = asAdmin()
                .queryParam("q", "where can I park")
                .get("/tenants/" + tenant + "/knowledge/search")
                .then()
                .statusCode(200)
                .body("size()", greaterThan(0))
                .extract()
                .jsonPath()
                .getList("$");
        assertEquals("Visiting us", passages.get(0).get("documentTitle"));
        assertTrue(((String) passages.get(0).get("content")).contains("Elm Street"));

        asAdmin()
                .queryParam("q", "cleaning cost")
                .queryParam("kbId", kb)
                .get("/tenants/" + tenant + "/knowledge/search")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        asAdmin()
                .queryParam("q", "cleaning cost")
                .get("/tenants/" + tenant + "/knowledge/search")
                .then()
                .statusCode(200)
                .body("[0].documentTitle", equalTo("Price list"));
        asAdmin()
                .queryParam("q", "parking")
                .get("/tenants/" + TestTenants.create("kb") + "/knowledge/search")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));

        asAdmin()
                .get("/tenants/" + tenant + "/knowledge-bases")
                .then()
                .statusCode(200)
                .body("name", hasItems("FAQ", "Prices"))
                .body("find { it.name == 'FAQ' }.documents", equalTo(1));
        given().auth()
                .oauth2(Tokens.admin())
                .get("/tenants/" + tenant + "/audit")
                .then()
                .body("action", hasItems("knowledge-base.created", "knowledge-document.added"));

        asAdmin().delete("/tenants/" + tenant + "/knowledge-bases/" + kb).then().statusCode(204);
        asAdmin()
                .queryParam("q", "parking")
                .get("/tenants/" + tenant + "/knowledge/search")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void thePipelinesQueryOfAnyOfTheCallersWordsFindsThePassage() {
        String tenant = TestTenants.create("kb");
        String kb = TestKnowledge.base(tenant, "FAQ");
        TestKnowledge.document(tenant, kb, "Hours", "Our opening hours are Monday to Friday, 8 am to 5 pm.");

        // the query pipeline-service sends: the caller's words, any of which may match
        given().auth()
                .oauth2(Tokens.pipeline())
                .queryParam("q", "there or what or are or your or opening or hours")
                .queryParam("limit", 3)
                .get("/tenants/" + tenant + "/knowledge/search")
                .then()
                .statusCode(200)
                .body("[0].content", equalTo("Our opening hours are Monday to Friday, 8 am to 5 pm."));
        // what else that token may do (nothing): PipelineRoleTest
    }

    @Test
    void badKnowledgeInputIs400NamingTheField() {
        String tenant = TestTenants.create("kb");
        asAdmin()
                .body(Map.of("description", "x"))
                .post("/tenants/" + tenant + "/knowledge-bases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        String kb = TestKnowledge.base(tenant, "FAQ");
        asAdmin()
                .body(Map.of("title", "", "content", " "))
                .post("/tenants/" + tenant + "/knowledge-bases/" + kb + "/documents")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("title", "content"));
        asAdmin()
                .get("/tenants/" + tenant + "/knowledge/search")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("q"));
        asAdmin()
                .get("/tenants/" + tenant + "/knowledge-bases/not-a-uuid")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kbId"));
        asAdmin()
                .get("/tenants/" + tenant + "/knowledge-bases/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        asAdmin().get("/tenants/no-such-tenant/knowledge-bases").then().statusCode(404);
        given().auth()
                .oauth2(Tokens.customer())
                .queryParam("q", "x")
                .get("/tenants/" + tenant + "/knowledge/search")
                .then()
                .statusCode(403);
    }
}
