package com.spotfunnel.voice.admin.knowledge;

import java.time.Instant;
import java.util.UUID;

/** The knowledge API's shapes. */
public final class KnowledgeModels {

    private KnowledgeModels() {}

    public record NewKnowledgeBase(String name, String description) {}

    public record KnowledgeBase(
            UUID id, String tenantId, String name, String description, long documents, Instant createdAt) {}

    public record NewDocument(String title, String content) {}

    public record Document(UUID id, UUID knowledgeBaseId, String title, int chars, int chunks, Instant createdAt) {}

    /** One retrieved chunk, best first. */
    public record Passage(
            UUID documentId, String documentTitle, UUID knowledgeBaseId, int ord, String content, double rank) {}
}
