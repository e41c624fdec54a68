package com.spotfunnel.voice.admin.sessions;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.spotfunnel.voice.admin.support.Browser;
import com.spotfunnel.voice.admin.support.CodeFlowProvider;
import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import com.spotfunnel.voice.sessions.BrowserSessionService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin SPA's browser sessions, end to end through the authorization-code flow of Quarkus' OIDC test server. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class BrowserSessionsTest {

    private static final URI SPA = URI.create("http://spa.example.com/");

    @OidcWireMock
    WireMockServer oidcServer;

    @TestHTTPResource("/")
    URI app;

    @Inject
    Pool pool;

    @Inject
    BrowserSessionService sessions;

    private CodeFlowProvider provider;

    @BeforeEach
    void provider() {
        provider = new CodeFlowProvider(oidcServer);
    }

    @Test
    void signInListRevokeOneThenLogoutEverywhere() {
        String user = user("ann");
        Browser laptop = new Browser(app, "Firefox on the laptop");
        assertEquals(SPA, laptop.signIn(provider, user, Set.of("admin")));
        assertEquals(1, rows(user));
        assertFalse(
                oidcServer
                        .findAll(postRequestedFor(urlEqualTo("/auth/realms/quarkus/token"))
                                .withRequestBody(containing("client_id=spotfunnel-web"))
                                .withRequestBody(containing("code_verifier=")))
                        .isEmpty(),
                "the code is exchanged by the public client with its PKCE verifier");

        JsonArray list = list(laptop);
        assertEquals(1, list.size());
        assertEquals("Firefox on the laptop", list.getJsonObject(0).getString("userAgent"));
        assertTrue(list.getJsonObject(0).getBoolean("current"));
        assertEquals("127.0.0.1", list.getJsonObject(0).getString("ip"));
        assertEquals(200, laptop.xhr("GET", "/tenants").statusCode(), "the session cookie works on the API");

        Browser phone = new Browser(app, "Safari on the phone");
        phone.signIn(provider, user, Set.of("admin"));
        list = list(laptop);
        assertEquals(2, list.size());
        JsonObject phoneSession = session(list, "Safari on the phone");
        assertFalse(phoneSession.getBoolean("current"));
        assertTrue(session(list, "Firefox on the laptop").getBoolean("current"));

        assertEquals(
                204,
                laptop.xhr("DELETE", "/sessions/" + phoneSession.getString("id"))
                        .statusCode());
        assertEquals(401, phone.xhr("GET", "/sessions").statusCode(), "a revoked session is never served");
        assertFalse(phone.hasSessionCookie(), "the revoked cookie is cleared");
        assertEquals(1, list(laptop).size(), "the other session still works");

        Browser tablet = new Browser(app, "Chrome on the tablet");
        tablet.signIn(provider, user, Set.of("admin"));
        HttpResponse<String> everywhere = tablet.xhr("POST", "/sessions/logout-all");
        assertEquals(200, everywhere.statusCode());
        assertEquals(2, new JsonObject(everywhere.body()).getInteger("ended"));
        assertEquals(401, laptop.xhr("GET", "/sessions").statusCode());
        assertEquals(401, tablet.xhr("GET", "/tenants").statusCode());
        assertEquals(0, rows(user));
    }

    @Test
    void aRevokedSessionNavigatingIsSentToSignInAgain() {
        String user = user("ben");
        Browser first = new Browser(app, "first");
        Browser second = new Browser(app, "second");
        first.signIn(provider, user, Set.of("customer"));
        second.signIn(provider, user, Set.of("customer"));

        second.xhr("DELETE", "/sessions/" + session(list(second), "first").getString("id"));
        HttpResponse<String> navigation = first.get("/sessions", false);
        assertEquals(302, navigation.statusCode());
        assertTrue(
                navigation.headers().firstValue("Location").orElseThrow().startsWith(provider.baseUrl()),
                "redirected to the provider's login");
        assertEquals(SPA, first.signIn(provider, user, Set.of("customer")), "and signing in again works");
        assertEquals(2, list(second).size());
    }

    @Test
    void aUserNeverSeesOrRevokesAnotherUsersSessions() {
        Browser carol = new Browser(app, "carol's browser");
        Browser dave = new Browser(app, "dave's browser");
        carol.signIn(provider, user("carol"), Set.of("admin"));
        dave.signIn(provider, user("dave"), Set.of("customer"));

        JsonArray carols = list(carol);
        assertEquals(1, carols.size());
        String carolsSession = carols.getJsonObject(0).getString("id");
        assertEquals(1, list(dave).size(), "dave sees only his own");
        assertEquals(404, dave.xhr("DELETE", "/sessions/" + carolsSession).statusCode());
        assertEquals(404, dave.xhr("DELETE", "/sessions/" + UUID.randomUUID()).statusCode());
        assertEquals(400, dave.xhr("DELETE", "/sessions/not-a-uuid").statusCode());
        dave.xhr("POST", "/sessions/logout-all");
        assertEquals(
                200, carol.xhr("GET", "/sessions").statusCode(), "dave's logout everywhere leaves carol signed in");
    }

    @Test
    void aTokenRefreshRenewsTheSessionInPlaceWhileParallelRequestsKeepWorking() throws Exception {
        String user = user("gus");
        Browser browser = new Browser(app, "gus's browser");
        browser.signIn(provider.acceptLogin(user, Set.of("admin"), Duration.ofSeconds(2)), provider);
        JsonObject before = list(browser).getJsonObject(0);
        String cookie = browser.sessionCookie();
        String firstIdToken = idToken(user);

        // Once the two-second ID token has expired, the SPA's next requests (several at once) refresh it.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Instant.now()
                        .isAfter(Instant.parse(before.getString("createdAt")).plusSeconds(3)));
        ExecutorService scripts = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(scripts.submit(() -> browser.xhr("GET", "/tenants").statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(
                        200, status.get(60, TimeUnit.SECONDS), "no parallel request is refused during the refresh");
            }
        } finally {
            scripts.shutdownNow();
        }

        assertTrue(refreshTokenRequests() > 0, "refreshed at the provider");
        assertNotEquals(firstIdToken, idToken(user), "the refreshed tokens are stored");
        JsonArray after = list(browser);
        assertEquals(1, after.size());
        assertEquals(before.getString("id"), after.getJsonObject(0).getString("id"), "the same session");
        assertEquals(before.getString("createdAt"), after.getJsonObject(0).getString("createdAt"));
        assertEquals(cookie, browser.sessionCookie(), "the same cookie");
        assertEquals(1, rows(user));
    }

    @Test
    void bearerClientsAreUnchangedAndHaveNoSessions() {
        given().get("/tenants").then().statusCode(401);
        given().get("/sessions").then().statusCode(401);
        given().auth().oauth2(Tokens.admin()).get("/tenants").then().statusCode(200);
        given().auth()
                .oauth2(Tokens.admin())
                .get("/sessions")
                .then()
                .statusCode(403)
                .body("detail", containsString("bearer token"));
        given().auth()
                .oauth2(Tokens.admin())
                .post("/sessions/logout-all")
                .then()
                .statusCode(403);
    }

    @Test
    void logoutEndsTheSessionAtTheProviderToo() {
        String user = user("erin");
        Browser browser = new Browser(app, "erin's browser");
        browser.signIn(provider, user, Set.of("admin"));
        HttpResponse<String> logout = browser.get("/logout", false);
        assertEquals(302, logout.statusCode());
        assertTrue(logout.headers()
                .firstValue("Location")
                .orElseThrow()
                .startsWith(provider.baseUrl() + "/auth/realms/quarkus/protocol/openid-connect/end-session"));
        assertEquals(0, rows(user));
        assertEquals(401, browser.xhr("GET", "/sessions").statusCode());
    }

    @Test
    void endedSessionsAreRefusedAndCleanedUp() {
        String user = user("finn");
        Browser idle = new Browser(app, "idle");
        Browser old = new Browser(app, "old");
        Browser active = new Browser(app, "active");
        idle.signIn(provider, user, Set.of("admin"));
        old.signIn(provider, user, Set.of("admin"));
        active.signIn(provider, user, Set.of("admin"));
        sql(
                "UPDATE admin.browser_sessions SET last_used_at = now() - interval '10 minutes' WHERE oidc_subject = $1 AND user_agent = 'idle'",
                user);
        sql(
                "UPDATE admin.browser_sessions SET expires_at = now() - interval '1 second' WHERE oidc_subject = $1 AND user_agent = 'old'",
                user);
        assertEquals(
                401, old.xhr("GET", "/sessions").statusCode(), "past its absolute expiry: refused before any cleanup");

        sessions.deleteEnded(Duration.ofMinutes(5)).await().atMost(Duration.ofSeconds(30));

        assertEquals(1, rows(user), "the idle and the expired sessions are deleted, the active one stays");
        assertEquals(401, idle.xhr("GET", "/sessions").statusCode());
        assertEquals(200, active.xhr("GET", "/sessions").statusCode());
    }

    private int refreshTokenRequests() {
        return oidcServer
                .findAll(postRequestedFor(urlEqualTo("/auth/realms/quarkus/token"))
                        .withRequestBody(containing("grant_type=refresh_token")))
                .size();
    }

    private static JsonArray list(Browser browser) {
        HttpResponse<String> response = browser.xhr("GET", "/sessions");
        assertEquals(200, response.statusCode(), response.body());
        return new JsonArray(response.body());
    }

    private static JsonObject session(JsonArray list, String userAgent) {
        for (int i = 0; i < list.size(); i++) {
            if (userAgent.equals(list.getJsonObject(i).getString("userAgent"))) {
                return list.getJsonObject(i);
            }
        }
        throw new AssertionError("no session of " + userAgent + " in " + list.encode());
    }

    private int rows(String user) {
        return pool.preparedQuery("SELECT count(*) FROM admin.browser_sessions WHERE oidc_subject = $1")
                .execute(Tuple.of("sub-" + user))
                .await()
                .atMost(Duration.ofSeconds(30))
                .iterator()
                .next()
                .getInteger(0);
    }

    private String idToken(String user) {
        return pool.preparedQuery("SELECT id_token FROM admin.browser_sessions WHERE oidc_subject = $1")
                .execute(Tuple.of("sub-" + user))
                .await()
                .atMost(Duration.ofSeconds(30))
                .iterator()
                .next()
                .getString(0);
    }

    private void sql(String statement, String user) {
        pool.preparedQuery(statement).execute(Tuple.of("sub-" + user)).await().atMost(Duration.ofSeconds(30));
    }

    private static String user(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
