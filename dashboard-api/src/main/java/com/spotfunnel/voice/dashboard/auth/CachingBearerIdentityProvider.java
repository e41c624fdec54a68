package com.spotfunnel.voice.dashboard.auth;

import com.spotfunnel.voice.dashboard.config.DashboardConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Verifies a bearer token once and then serves its identity from {@link VerifiedTokenCache} until the token
 * expires: parsing the JWT, checking its RS256 signature and decoding its claims was the largest single cost of a
 * dashboard request (docs/benchmarks/dashboard.md). Runs before Quarkus' OIDC provider (higher priority) and asks
 * it whenever the token is not cached, so every check OIDC makes (signature, issuer, audience, expiry) still
 * decides each new token; a refused token is never cached. Only access tokens of the default OIDC tenant are
 * cached (bearer requests always resolve to it; the browser sign-in tenant's session identities go straight to
 * OIDC). A cached identity is handed out with the current request's routing context, never an earlier one's.
 */
@ApplicationScoped
public class CachingBearerIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final OidcIdentityProvider oidc;
    private final VerifiedTokenCache cache;

    public CachingBearerIdentityProvider(OidcIdentityProvider oidc, DashboardConfig config) {
        this.oidc = oidc;
        DashboardConfig.TokenCache settings = config.auth().tokenCache();
        this.cache = new VerifiedTokenCache(settings.maxSize(), settings.maxAge(), Clock.systemUTC());
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return oidc.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (request.getToken().getClass() != AccessTokenCredential.class) {
            return oidc.authenticate(request, context);
        }
        String token = request.getToken().getToken();
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        SecurityIdentity cached = cache.get(token);
        if (cached != null) {
            return Uni.createFrom().item(forRequest(cached, routing));
        }
        return oidc.authenticate(request, context).invoke(identity -> {
            if (identity != null
                    && OidcUtils.DEFAULT_TENANT_ID.equals(identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE))) {
                cache.put(token, identity);
            }
        });
    }

    private static SecurityIdentity forRequest(SecurityIdentity cached, RoutingContext routing) {
        if (routing == null) {
            return cached;
        }
        return QuarkusSecurityIdentity.builder(cached)
                .addAttribute(RoutingContext.class.getName(), routing)
                .build();
    }
}
