package com.spotfunnel.voice.admin.users;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The users API's shapes. */
public final class UserModels {

    private UserModels() {}

    /** @param tenantId required for a customer, must be absent for an admin */
    public record NewInvitation(String email, String role, String tenantId) {}

    public record Invitation(
            UUID id,
            String email,
            String role,
            String tenantId,
            String invitedBy,
            Instant createdAt,
            Instant expiresAt,
            Instant acceptedAt,
            String acceptedBy,
            Instant revokedAt,
            String revokedBy) {

        /** Neither accepted nor revoked nor expired: the link still works. */
        public boolean pending(Instant now) {
            return acceptedAt == null && revokedAt == null && expiresAt.isAfter(now);
        }
    }

    public record Acceptance(String token) {}

    /** A user's new role: {@code tenantId} required for a customer, absent for an admin. */
    public record RoleChange(String role, String tenantId) {}

    /** Named apart from Vert.x' own {@code User}, which the document also holds, so the schema's name never depends on the build. */
    @Schema(name = "PlatformUser")
    public record User(
            UUID id,
            String email,
            String role,
            String tenantId,
            String oidcSubject,
            String invitedBy,
            Instant createdAt,

            @Schema(description = "when the user was deactivated (no role, sessions ended); null while active")
            Instant deactivatedAt,

            String deactivatedBy) {

        public boolean active() {
            return deactivatedAt == null;
        }
    }
}
