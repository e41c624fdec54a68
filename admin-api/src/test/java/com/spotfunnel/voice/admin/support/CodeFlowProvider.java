package com.spotfunnel.voice.admin.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Teaches Quarkus' OIDC test server (OidcWiremockTestResource) to sign in a given user through the
 * authorization-code flow: its {@code /login} page answers that user's sign-in with a one-time code, and its
 * token endpoint exchanges that code for freshly signed ID, access and refresh tokens of that user.
 */
public final class CodeFlowProvider {

    /** The client id of admin-api's {@code web} OIDC tenant in tests: the ID token's audience. */
    private static final String WEB_CLIENT_ID = "spotfunnel-web";

    private static final String ISSUER = "https://server.example.com";

    private final WireMockServer server;

    public CodeFlowProvider(WireMockServer server) {
        this.server = server;
    }

    /** Lets {@code user} sign in (once) with these roles; returns the query the login form is submitted with. */
    public String acceptLogin(String user, Set<String> roles) {
        return acceptLogin(user, roles, Duration.ofMinutes(5));
    }

    /**
     * As {@link #acceptLogin(String, Set)}, with ID and access tokens valid only {@code tokenLifetime}; the refresh
     * token then gets the user fresh five-minute tokens (grant_type=refresh_token), as a provider would.
     */
    public String acceptLogin(String user, Set<String> roles, Duration tokenLifetime) {
        String code = "code-" + UUID.randomUUID();
        server.stubFor(get(urlPathEqualTo("/login"))
                .withQueryParam("username", equalTo(user))
                .withQueryParam("code", equalTo(code))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader(
                                "Location", "{{request.query.redirect_uri}}?state={{request.query.state}}&code=" + code)
                        .withTransformers("response-template")));
        server.stubFor(post(urlEqualTo("/auth/realms/quarkus/token"))
                .withRequestBody(containing("code=" + code))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"access_token": "%s", "id_token": "%s", "refresh_token": "refresh-%s", "token_type": "Bearer", "expires_in": 300}""".formatted(
                                        token(user, roles, "https://service.example.com", tokenLifetime),
                                        token(user, roles, WEB_CLIENT_ID, tokenLifetime),
                                        code))));
        server.stubFor(post(urlEqualTo("/auth/realms/quarkus/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=refresh-" + code))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"access_token": "%s", "id_token": "%s", "token_type": "Bearer", "expires_in": 300}""".formatted(
                                        token(user, roles, "https://service.example.com", Duration.ofMinutes(5)),
                                        token(user, roles, WEB_CLIENT_ID, Duration.ofMinutes(5))))));
        return "username=" + user + "&code=" + code;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    private static String token(String user, Set<String> roles, String audience, Duration lifetime) {
        return Jwt.preferredUserName(user)
                .subject("sub-" + user)
                .groups(roles)
                .issuer(ISSUER)
                .audience(audience)
                .expiresIn(lifetime)
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }
}
