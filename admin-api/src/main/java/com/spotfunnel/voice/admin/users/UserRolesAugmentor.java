package com.spotfunnel.voice.admin.users;

import com.spotfunnel.voice.admin.common.Actor;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * admin-api's own tables say who is admin or customer: an identity whose token does not already carry
 * {@code admin} in its {@code groups} gets the role of its linked {@code admin.users} row (and the tenant as
 * the attribute {@code tenantId}). Tokens with {@code admin} are not looked up, so operators' requests cost
 * no query.
 */
@ApplicationScoped
public class UserRolesAugmentor implements SecurityIdentityAugmentor {

    private final Pool pool;
    private final UserRepository users;

    public UserRolesAugmentor(Pool pool, UserRepository users) {
        this.pool = pool;
        this.users = users;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.hasRole("admin")) {
            return Uni.createFrom().item(identity);
        }
        String subject = Actor.subject(identity);
        return users.bySubject(pool, subject)
                .map(found -> found.<SecurityIdentity>map(user -> {
                            QuarkusSecurityIdentity.Builder builder =
                                    QuarkusSecurityIdentity.builder(identity).addRole(user.role());
                            if (user.tenantId() != null) {
                                builder.addAttribute("tenantId", user.tenantId());
                            }
                            return builder.build();
                        })
                        .orElse(identity));
    }
}
