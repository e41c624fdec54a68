package com.spotfunnel.voice.admin.users;

import static com.spotfunnel.voice.admin.support.TestTenants.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.spotfunnel.voice.admin.support.Browser;
import com.spotfunnel.voice.admin.support.CodeFlowProvider;
import com.spotfunnel.voice.admin.support.TestTenants;
import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An operator changes a user's role and deactivates them: it applies from their next request, sessions end. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class UserAdministrationApiTest {

    private static final Pattern TOKEN = Pattern.compile("\\?token=([A-Za-z0-9_-]+)");

    @Inject
    MockMailbox mailbox;

    @OidcWireMock
    WireMockServer oidcServer;

    @TestHTTPResource("/")
    URI app;

    @Test
    void aRoleChangeAppliesFromTheNextRequestAndADeactivatedUsersSessionsEndAndTheyGet403() {
        String tenant = TestTenants.create("ua");
        String name = "dan-" + UUID.randomUUID().toString().substring(0, 6);
        String userId = invitedCustomer(name, tenant);
        String bearer = Tokens.signedIn(name, name + "@example.com", true);
        given().auth().oauth2(bearer).get("/tenants").then().statusCode(403);

        asAdmin()
                .body(Map.of("role", "admin"))
                .put("/users/" + userId + "/role")
                .then()
                .statusCode(200)
                .body("role", equalTo("admin"))
                .body("tenantId", nullValue());
        given().auth().oauth2(bearer).get("/tenants").then().statusCode(200);
        // Nobody changes their own role (nor deactivates themselves): the platform keeps its operators.
        given().auth()
                .oauth2(bearer)
                .contentType(ContentType.JSON)
                .body(Map.of("role", "customer", "tenantId", tenant))
                .put("/users/" + userId + "/role")
                .then()
                .statusCode(409);
        asAdmin()
                .body(Map.of("role", "customer"))
                .put("/users/" + userId + "/role")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tenantId"));
        asAdmin()
                .body(Map.of("role", "customer", "tenantId", tenant))
                .put("/users/" + userId + "/role")
                .then()
                .statusCode(200)
                .body("tenantId", equalTo(tenant));
        given().auth().oauth2(bearer).get("/tenants").then().statusCode(403);

        // Signed in in a browser, then deactivated: the session is gone (401: back to sign-in), the token 403.
        Browser browser = new Browser(app, "Chromium on the phone");
        browser.signIn(new CodeFlowProvider(oidcServer), name, Set.of());
        assertEquals(200, browser.xhr("GET", "/sessions").statusCode());
        asAdmin()
                .post("/users/" + userId + "/deactivate")
                .then()
                .statusCode(200)
                .body("deactivatedAt", notNullValue())
                .body("deactivatedBy", equalTo("alice"));
        assertEquals(401, browser.xhr("GET", "/sessions").statusCode());
        given().auth().oauth2(bearer).get("/sessions").then().statusCode(403);
        asAdmin().post("/users/" + userId + "/deactivate").then().statusCode(409);
        asAdmin()
                .body(Map.of("role", "admin"))
                .put("/users/" + userId + "/role")
                .then()
                .statusCode(409);
        asAdmin().post("/users/" + UUID.randomUUID() + "/deactivate").then().statusCode(404);
        asAdmin()
                .get("/tenants/" + tenant + "/audit")
                .then()
                .statusCode(200)
                .body("find { it.action == 'user.deactivated' }.actor", equalTo("alice"));
    }

    /** Invites {@code name}@example.com as a customer of the tenant and accepts as them: the user's id. */
    private String invitedCustomer(String name, String tenant) {
        String email = name + "@example.com";
        asAdmin()
                .body(Map.of("email", email, "role", "customer", "tenantId", tenant))
                .post("/users/invitations")
                .then()
                .statusCode(201);
        Matcher matcher = TOKEN.matcher(mailbox.getMailsSentTo(email).get(0).getText());
        assertTrue(matcher.find());
        return given().auth()
                .oauth2(Tokens.signedIn(name, email, true))
                .contentType(ContentType.JSON)
                .body(Map.of("token", matcher.group(1)))
                .post("/invitations/accept")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }
}
