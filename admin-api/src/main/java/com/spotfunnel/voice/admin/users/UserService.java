package com.spotfunnel.voice.admin.users;

import com.spotfunnel.voice.admin.audit.AuditLog;
import com.spotfunnel.voice.admin.common.HttpProblem;
import com.spotfunnel.voice.admin.config.AdminConfig;
import com.spotfunnel.voice.admin.tenants.TenantRepository;
import com.spotfunnel.voice.admin.users.UserModels.Invitation;
import com.spotfunnel.voice.admin.users.UserModels.NewInvitation;
import com.spotfunnel.voice.admin.users.UserModels.RoleChange;
import com.spotfunnel.voice.admin.users.UserModels.User;
import com.spotfunnel.voice.sessions.BrowserSessionService;
import com.spotfunnel.voice.support.http.OpaqueTokens;
import com.spotfunnel.voice.support.postgres.PgErrors;
import com.spotfunnel.voice.support.problem.InvalidInputException;
import com.spotfunnel.voice.support.problem.Problem.FieldError;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Invitations by email and the users they become. The mail is sent inside the invitation's transaction: if it
 * cannot be sent, no invitation exists and the operator is told (503) to try again.
 */
@ApplicationScoped
public class UserService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> ROLES = Set.of("admin", "customer");

    private final Pool pool;
    private final UserRepository users;
    private final TenantRepository tenants;
    private final AuditLog audit;
    private final ReactiveMailer mailer;
    private final AdminConfig config;
    private final BrowserSessionService sessions;

    public UserService(
            Pool pool,
            UserRepository users,
            TenantRepository tenants,
            AuditLog audit,
            ReactiveMailer mailer,
            AdminConfig config,
            BrowserSessionService sessions) {
        this.pool = pool;
        this.users = users;
        this.tenants = tenants;
        this.audit = audit;
        this.mailer = mailer;
        this.config = config;
        this.sessions = sessions;
    }

    public Uni<Invitation> invite(NewInvitation body, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String email = body == null || body.email() == null
                ? null
                : body.email().strip().toLowerCase(Locale.ROOT);
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        String role = body == null ? null : body.role();
        String tenantId = body == null ? null : blankToNull(body.tenantId());
        validateRole(role, tenantId, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID id = UUID.randomUUID();
        String token = OpaqueTokens.newToken();
        return pool.withTransaction(conn -> tenantExists(conn, tenantId)
                        .call(() -> users.insertInvitation(
                                conn,
                                id,
                                email,
                                role,
                                tenantId,
                                OpaqueTokens.sha256(token),
                                actor,
                                config.invitations().ttl()))
                        .call(() -> audit.recordOther(
                                conn,
                                actor,
                                "user.invited",
                                tenantId == null ? "platform" : tenantId,
                                null,
                                JsonObject.of("invitationId", id.toString(), "email", email, "role", role)))
                        .call(() -> mailer.send(invitationMail(email, role, tenantId, token))
                                .onFailure()
                                .transform(e -> new HttpProblem(
                                        503,
                                        "Service Unavailable",
                                        "the invitation mail could not be sent; nothing was saved, try again",
                                        null))))
                .flatMap(ignored -> users.invitation(pool, id))
                .map(found -> found.orElseThrow());
    }

    public Uni<List<User>> users(String tenantId) {
        return users.users(pool, tenantId);
    }

    /**
     * Links the signed-in identity to the invitation's email, role and tenant. Only the invitee may: the identity's
     * provider must vouch for the invitation's address ({@code email} equal, {@code email_verified} true); holding
     * the link is not enough. The token works once, until it expires or is revoked. A refusal is audited.
     */
    public Uni<User> accept(String token, Invitee invitee) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw new InvalidInputException("token", "is required");
        }
        return pool.withTransaction(conn -> users.lockByToken(conn, OpaqueTokens.sha256(token))
                        .flatMap(found -> {
                            Invitation invitation = found.orElseThrow(
                                    () -> new InvalidInputException("token", "is not a valid invitation"));
                            if (invitation.acceptedAt() != null) {
                                throw new HttpProblem(410, "Gone", "this invitation was already used", "token");
                            }
                            if (invitation.revokedAt() != null) {
                                throw new HttpProblem(
                                        410, "Gone", "this invitation was revoked; ask for a new one", "token");
                            }
                            if (invitation.expiresAt().isBefore(Instant.now())) {
                                throw new HttpProblem(
                                        410, "Gone", "this invitation expired; ask for a new one", "token");
                            }
                            if (!invitee.verifiedEmail()
                                    .map(invitation.email()::equalsIgnoreCase)
                                    .orElse(false)) {
                                throw new NotTheInvitee(invitation);
                            }
                            return users.upsertUser(
                                            conn,
                                            invitation.email(),
                                            invitation.role(),
                                            invitation.tenantId(),
                                            invitee.subject(),
                                            invitation.invitedBy())
                                    .call(() -> users.markAccepted(conn, invitation.id(), invitee.subject()))
                                    .call(user -> audit.recordOther(
                                            conn,
                                            invitee.subject(),
                                            "user.joined",
                                            scope(invitation),
                                            null,
                                            JsonObject.of(
                                                    "userId",
                                                    user.id().toString(),
                                                    "email",
                                                    user.email(),
                                                    "role",
                                                    user.role())));
                        }))
                .onFailure(NotTheInvitee.class)
                .call(e -> auditRefusal(((NotTheInvitee) e).invitation, invitee))
                .onFailure(NotTheInvitee.class)
                .transform(e -> new HttpProblem(
                        403,
                        "Forbidden",
                        "this invitation is for another email address; sign in with the invited address, verified by"
                                + " your identity provider",
                        "token"))
                .onFailure(PgErrors::isUniqueViolation)
                .transform(e -> HttpProblem.conflict("token", "this identity is already linked to another user"));
    }

    /** Pending: neither accepted, revoked nor expired. */
    public Uni<List<Invitation>> invitations(boolean pendingOnly) {
        return users.invitations(pool, pendingOnly);
    }

    /** Withdraws an invitation not accepted yet: its link stops working at once. */
    public Uni<Void> revoke(UUID id, String actor) {
        return pool.withTransaction(conn -> users.lock(conn, id).flatMap(found -> {
            Invitation invitation = found.orElseThrow(() -> HttpProblem.notFound("invitation " + id));
            if (invitation.acceptedAt() != null || invitation.revokedAt() != null) {
                throw HttpProblem.conflict(
                        "invitationId",
                        invitation.acceptedAt() != null
                                ? "this invitation was already accepted"
                                : "this invitation was already revoked");
            }
            return users.markRevoked(conn, id, actor)
                    .call(() -> audit.recordOther(
                            conn,
                            actor,
                            "user.invitation-revoked",
                            scope(invitation),
                            null,
                            JsonObject.of(
                                    "invitationId",
                                    id.toString(),
                                    "email",
                                    invitation.email(),
                                    "role",
                                    invitation.role())));
        }));
    }

    /**
     * Gives a user another role (and tenant: required for a customer, absent for an admin); it applies from their
     * next request. An operator cannot change their own role (409), so the platform never loses its last admin by
     * accident.
     */
    public Uni<User> changeRole(UUID id, RoleChange body, String actor, String actorSubject) {
        String role = body == null ? null : body.role();
        String tenantId = body == null ? null : blankToNull(body.tenantId());
        List<FieldError> errors = new ArrayList<>();
        validateRole(role, tenantId, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return pool.withTransaction(conn -> changeable(conn, id, actorSubject, "change your own role")
                .call(() -> tenantExists(conn, tenantId))
                .flatMap(user -> users.updateRole(conn, id, role, tenantId)
                        .call(changed -> audit.recordOther(
                                conn,
                                actor,
                                "user.role-changed",
                                changed.tenantId() == null ? "platform" : changed.tenantId(),
                                null,
                                JsonObject.of(
                                        "userId", id.toString(),
                                        "email", user.email(),
                                        "fromRole", user.role(),
                                        "toRole", role,
                                        "fromTenantId", user.tenantId(),
                                        "toTenantId", tenantId)))));
    }

    /**
     * Deactivates a user: from then on admin-api answers them 403 (whatever their token says), and every browser
     * session of theirs ends, so their open console or dashboard sends them to sign-in on its next request.
     */
    public Uni<User> deactivate(UUID id, String actor, String actorSubject) {
        return pool.withTransaction(conn -> changeable(conn, id, actorSubject, "deactivate yourself")
                        .flatMap(user -> users.deactivate(conn, id, actor)
                                .call(done -> audit.recordOther(
                                        conn,
                                        actor,
                                        "user.deactivated",
                                        user.tenantId() == null ? "platform" : user.tenantId(),
                                        null,
                                        JsonObject.of("userId", id.toString(), "email", user.email())))))
                .call(user -> user.oidcSubject() == null
                        ? Uni.createFrom().voidItem()
                        : sessions.revokeAll(user.oidcSubject()).replaceWithVoid());
    }

    /** The active user, locked; 404 when unknown, 409 when deactivated already or when it is the actor. */
    private Uni<User> changeable(SqlClient conn, UUID id, String actorSubject, String self) {
        return users.lockUser(conn, id).map(found -> {
            User user = found.orElseThrow(() -> HttpProblem.notFound("user " + id));
            if (!user.active()) {
                throw HttpProblem.conflict("userId", "this user is deactivated");
            }
            if (actorSubject != null && actorSubject.equals(user.oidcSubject())) {
                throw HttpProblem.conflict("userId", "you cannot " + self);
            }
            return user;
        });
    }

    private static void validateRole(String role, String tenantId, List<FieldError> errors) {
        if (role == null || !ROLES.contains(role)) {
            errors.add(new FieldError("role", "must be admin or customer"));
        }
        if ("customer".equals(role) && tenantId == null) {
            errors.add(new FieldError("tenantId", "is required for a customer"));
        }
        if ("admin".equals(role) && tenantId != null) {
            errors.add(new FieldError("tenantId", "must be absent for an admin"));
        }
    }

    private Uni<Void> tenantExists(SqlClient conn, String tenantId) {
        return tenantId == null
                ? Uni.createFrom().voidItem()
                : tenants.find(conn, tenantId)
                        .invoke(found -> {
                            if (found.isEmpty()) {
                                throw new InvalidInputException("tenantId", "no such tenant");
                            }
                        })
                        .replaceWithVoid();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Outside the refused transaction (rolled back), so the attempt stays on record. */
    private Uni<Void> auditRefusal(Invitation invitation, Invitee invitee) {
        return audit.recordOther(
                pool,
                invitee.subject(),
                "user.invitation-refused",
                scope(invitation),
                null,
                JsonObject.of(
                        "invitationId",
                        invitation.id().toString(),
                        "reason",
                        invitee.verifiedEmail().isEmpty()
                                ? "the identity has no verified email"
                                : "the identity's verified email is not the invitee's"));
    }

    private static String scope(Invitation invitation) {
        return invitation.tenantId() == null ? "platform" : invitation.tenantId();
    }

    /** The signed-in identity accepting an invitation. */
    public record Invitee(String subject, java.util.Optional<String> verifiedEmail) {}

    /** Internal: carries the invitation out of the rolled-back transaction to be audited, then becomes a 403. */
    private static final class NotTheInvitee extends RuntimeException {
        private final transient Invitation invitation;

        NotTheInvitee(Invitation invitation) {
            super(null, null, false, false);
            this.invitation = invitation;
        }
    }

    private Mail invitationMail(String email, String role, String tenantId, String token) {
        String link = config.invitations().acceptUrl() + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        String what = "admin".equals(role)
                ? "an operator of SpotFunnel Voice"
                : "a member of " + tenantId + " on SpotFunnel Voice";
        return Mail.withText(
                email,
                "You are invited to SpotFunnel Voice",
                "You have been invited as " + what + ".\n\nAccept within "
                        + config.invitations().ttl().toHours() + " hours: " + link
                        + "\n\nIf you did not expect this, ignore this mail.");
    }
}
