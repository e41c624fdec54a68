package com.spotfunnel.voice.admin.onboarding;

import com.spotfunnel.voice.admin.tenants.TenantSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The onboarding API's shapes. */
public final class OnboardingModels {

    private OnboardingModels() {}

    public record Start(String tenantId, String name, String industry) {}

    public record KnowledgeStep(List<KnowledgeBaseDraft> knowledgeBases) {}

    public record KnowledgeBaseDraft(String name, String description, List<DocumentDraft> documents) {}

    public record DocumentDraft(String title, String content) {}

    public record TelephonyStep(List<String> phoneNumbers) {}

    /**
     * A session as it stands; {@code steps} says which are done ({@code agent}, {@code knowledge},
     * {@code telephony}). Agent and telephony are required to complete; knowledge is optional.
     */
    public record Session(
            UUID id,
            String tenantId,
            String name,
            String industry,
            String status,
            Map<String, Boolean> steps,
            TenantSpec.AgentSpec agent,
            KnowledgeStep knowledge,
            List<String> phoneNumbers,
            String startedBy,
            Instant createdAt,
            Instant updatedAt,
            Instant expiresAt) {}
}
