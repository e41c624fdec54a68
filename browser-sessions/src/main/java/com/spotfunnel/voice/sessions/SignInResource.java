package com.spotfunnel.voice.sessions;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The web app's sign-in and sign-out landings. {@code GET /login} starts the authorization-code flow (Quarkus
 * OIDC, tenant {@code web}), receives the provider's redirect, stores the session and then sends the browser
 * to the SPA. {@code GET /logout} is Quarkus' RP-initiated logout (the session row is deleted, then the provider
 * ends its own session and returns the browser to {@code /signed-out}).
 */
@Path("/")
public class SignInResource {

    private final BrowserSessionsConfig config;

    public SignInResource(BrowserSessionsConfig config) {
        this.config = config;
    }

    @GET
    @Path("/login")
    @Authenticated
    public Response signedIn() {
        return Response.seeOther(URI.create(config.afterLoginUrl())).build();
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    public Response signedOut() {
        return Response.seeOther(URI.create(config.afterLogoutUrl())).build();
    }
}
