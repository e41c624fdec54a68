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
 * admin-api's own tables say who is admin or customer. An identity with a row in {@code admin.users} (linked by its
 * OIDC subject when an invitation was accepted) has exactly that row's role (and the tenant as the attribute
 * {@code tenantId}), whatever its token's {@code groups} say, so an operator's change of role applies from the
 * next request; a deactivated user has only the marker role {@code deactivated} ({@link DeactivatedUserRefusal}:
 * 403 everywhere). An identity without a row keeps the roles
 * of its token (the platform's operators in the provider's {@code admin} group). One indexed lookup per request.
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
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        String subject = Actor.subject(identity);
        return users.bySubject(pool, subject)
                .map(found -> found.<SecurityIdentity>map(user -> {
                            QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                                    .setPrincipal(identity.getPrincipal())
                                    .addCredentials(identity.getCredentials())
                                    .addAttributes(identity.getAttributes())
                                    .addPermissionChecker(identity::checkPermission);
                            if (!user.active()) {
                                builder.addRole(DeactivatedUserRefusal.ROLE);
                            } else {
                                builder.addRole(user.role());
                                if (user.tenantId() != null) {
                                    builder.addAttribute("tenantId", user.tenantId());
                                }
                            }
                            return builder.build();
                        })
                        .orElse(identity));
    }
}
