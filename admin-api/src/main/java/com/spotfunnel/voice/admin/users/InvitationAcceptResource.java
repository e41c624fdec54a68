package com.spotfunnel.voice.admin.users;

import com.spotfunnel.voice.admin.users.UserModels.Acceptance;
import com.spotfunnel.voice.admin.users.UserModels.User;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Accepting an invitation: a signed-in identity (it has no role here yet) presents the token from the mail; when
 * its provider vouches for the invitation's address ({@code email} claim, {@code email_verified} true), its OIDC
 * subject is linked to the invitation's email, role and tenant.
 */
@Path("/invitations/accept")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationAcceptResource {

    private final UserService service;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public InvitationAcceptResource(UserService service, JsonWebToken token, SecurityIdentity identity) {
        this.service = service;
        this.token = token;
        this.identity = identity;
    }

    @POST
    public Uni<User> accept(Acceptance body) {
        String subject = token.getSubject() != null
                ? token.getSubject()
                : identity.getPrincipal().getName();
        return service.accept(body == null ? null : body.token(), new UserService.Invitee(subject, verifiedEmail()));
    }

    /** The token's {@code email}, only when the token also says {@code email_verified: true}. */
    private Optional<String> verifiedEmail() {
        Object verified = token.getClaim("email_verified");
        boolean isVerified = Boolean.TRUE.equals(verified)
                || JsonValue.TRUE.equals(verified)
                || "true".equals(String.valueOf(verified));
        String email = token.getClaim("email");
        return isVerified && email != null && !email.isBlank() ? Optional.of(email.strip()) : Optional.empty();
    }
}
