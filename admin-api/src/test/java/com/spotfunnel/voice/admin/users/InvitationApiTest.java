package com.spotfunnel.voice.admin.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.admin.support.TestTenants;
import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class InvitationApiTest {

    private static final Pattern TOKEN = Pattern.compile("\\?token=([A-Za-z0-9_-]+)");

    @Inject
    MockMailbox mailbox;

    @Test
    void anInvitationIsMailedAndItsTokenLinksTheSignedInIdentityOnce() {
        String tenant = TestTenants.create("us");
        String email = "eve-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        asAdmin()
                .body(Map.of("email", email.toUpperCase(), "role", "customer", "tenantId", tenant))
                .post("/users/invitations")
                .then()
                .statusCode(201)
                .body("email", equalTo(email))
                .body("role", equalTo("customer"))
                .body("expiresAt", notNullValue());

        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size());
        Matcher matcher = TOKEN.matcher(mails.get(0).getText());
        assertTrue(matcher.find(), mails.get(0).getText());
        String token = matcher.group(1);

        given().contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/invitations/accept")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.withoutRoles("eve"))
                .contentType(ContentType.JSON)
                .body(Map.of("token", "forged"))
                .post("/invitations/accept")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("token"));
        given().auth()
                .oauth2(Tokens.signedIn("eve", email, true))
                .contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/invitations/accept")
                .then()
                .statusCode(200)
                .body("email", equalTo(email))
                .body("tenantId", equalTo(tenant))
                .body("oidcSubject", equalTo("sub-eve"));
        given().auth()
                .oauth2(Tokens.signedIn("eve2", email, true))
                .contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/invitations/accept")
                .then()
                .statusCode(410)
                .body("errors[0].field", equalTo("token"));

        asAdmin()
                .queryParam("tenantId", tenant)
                .get("/users")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].role", equalTo("customer"))
                .body("[0].oidcSubject", equalTo("sub-eve"));
        asAdmin()
                .get("/users/invitations")
                .then()
                .statusCode(200)
                .body("find { it.email == '" + email + "' }.acceptedBy", equalTo("sub-eve"));
    }

    @Test
    void anAcceptedAdminInvitationGrantsTheRoleFromAdminApisOwnTables() {
        String email = "olga-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        String user = "olga-" + UUID.randomUUID().toString().substring(0, 6);
        asAdmin()
                .body(Map.of("email", email, "role", "admin"))
                .post("/users/invitations")
                .then()
                .statusCode(201);
        Matcher matcher = TOKEN.matcher(mailbox.getMailsSentTo(email).get(0).getText());
        assertTrue(matcher.find());

        given().auth().oauth2(Tokens.withoutRoles(user)).get("/tenants").then().statusCode(403);
        given().auth()
                .oauth2(Tokens.signedIn(user, email, true))
                .contentType(ContentType.JSON)
                .body(Map.of("token", matcher.group(1)))
                .post("/invitations/accept")
                .then()
                .statusCode(200);
        given().auth().oauth2(Tokens.withoutRoles(user)).get("/tenants").then().statusCode(200);
    }

    @Test
    void onlyTheInviteeWithAVerifiedEmailCanAcceptAndRefusalsAreAudited() {
        String tenant = TestTenants.create("us");
        String email = "ida-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        String token = invite(email, "customer", tenant);
        String stranger = "st-" + UUID.randomUUID().toString().substring(0, 6);

        // Another signed-in account, with or without an email of its own, gets nothing from holding the link.
        accept(Tokens.withoutRoles(stranger), token)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("token"));
        accept(Tokens.signedIn(stranger, "stranger@example.com", true), token).statusCode(403);
        // The invitee's address, but not vouched for by the provider: refused too.
        accept(Tokens.signedIn(stranger, email, false), token).statusCode(403);
        given().auth()
                .oauth2(Tokens.withoutRoles(stranger))
                .get("/tenants")
                .then()
                .statusCode(403);

        // The invitee (the address compared without case) accepts; the link then works no more.
        accept(Tokens.signedIn("ida", email.toUpperCase(), true), token)
                .statusCode(200)
                .body("oidcSubject", equalTo("sub-ida"));
        accept(Tokens.signedIn("ida", email, true), token).statusCode(410);

        asAdmin()
                .get("/tenants/" + tenant + "/audit")
                .then()
                .statusCode(200)
                .body("action", hasItems("user.invited", "user.invitation-refused", "user.joined"));
    }

    @Test
    void pendingInvitationsAreListedAndARevokedOneCannotBeAccepted() {
        String tenant = TestTenants.create("us");
        String kept = "kim-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        String revoked = "rex-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        invite(kept, "customer", tenant);
        String revokedToken = invite(revoked, "customer", tenant);
        String revokedId = asAdmin()
                .queryParam("status", "pending")
                .get("/users/invitations")
                .then()
                .statusCode(200)
                .body("email", hasItems(kept, revoked))
                .extract()
                .path("find { it.email == '" + revoked + "' }.id");

        given().auth()
                .oauth2(Tokens.customer())
                .delete("/users/invitations/" + revokedId)
                .then()
                .statusCode(403);
        asAdmin()
                .delete("/users/invitations/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        asAdmin()
                .delete("/users/invitations/not-a-uuid")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("invitationId"));
        asAdmin().delete("/users/invitations/" + revokedId).then().statusCode(204);
        asAdmin().delete("/users/invitations/" + revokedId).then().statusCode(409);

        List<String> pending = asAdmin()
                .queryParam("status", "pending")
                .get("/users/invitations")
                .then()
                .statusCode(200)
                .extract()
                .path("email");
        assertTrue(pending.contains(kept) && !pending.contains(revoked), pending.toString());
        asAdmin()
                .get("/users/invitations")
                .then()
                .statusCode(200)
                .body("find { it.email == '" + revoked + "' }.revokedBy", equalTo("alice"));
        asAdmin()
                .queryParam("status", "maybe")
                .get("/users/invitations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));

        accept(Tokens.signedIn("rex", revoked, true), revokedToken).statusCode(410);
        asAdmin()
                .get("/tenants/" + tenant + "/audit")
                .then()
                .statusCode(200)
                .body("action", hasItems("user.invitation-revoked"));
    }

    @Test
    void invitationsAreValidatedAndAdminOnly() {
        mailbox.clear();
        asAdmin()
                .body(Map.of("email", "not-an-email", "role", "owner"))
                .post("/users/invitations")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("email", "role"));
        asAdmin()
                .body(Map.of("email", "a@example.com", "role", "customer"))
                .post("/users/invitations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tenantId"));
        asAdmin()
                .body(Map.of("email", "a@example.com", "role", "customer", "tenantId", "no-such-tenant"))
                .post("/users/invitations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tenantId"));
        assertEquals(0, mailbox.getTotalMessagesSent());
        given().auth()
                .oauth2(Tokens.customer())
                .contentType(ContentType.JSON)
                .body(Map.of("email", "a@example.com", "role", "admin"))
                .post("/users/invitations")
                .then()
                .statusCode(403);
    }

    private String invite(String email, String role, String tenant) {
        asAdmin()
                .body(Map.of("email", email, "role", role, "tenantId", tenant))
                .post("/users/invitations")
                .then()
                .statusCode(201);
        Matcher matcher = TOKEN.matcher(mailbox.getMailsSentTo(email).get(0).getText());
        assertTrue(matcher.find());
        return matcher.group(1);
    }

    private static io.restassured.response.ValidatableResponse accept(String bearer, String token) {
        return given().auth()
                .oauth2(bearer)
                .contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/invitations/accept")
                .then();
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON);
    }
}
