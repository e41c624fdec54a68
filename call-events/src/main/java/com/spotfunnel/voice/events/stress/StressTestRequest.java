package com.spotfunnel.voice.events.stress;

import java.util.List;

/**
 * What an operator asks for (admin-api {@code POST /api/stress-test/run}, forwarded as is to pipeline-service
 * {@code POST /internal/stress-tests}): N adversarial text conversations against the tenant's agent.
 *
 * @param tenantId         the tenant whose agent is tested
 * @param numConversations how many conversations (bounds in each service's config)
 * @param industry         sets the scene for the caller personas; null = the tenant's industry
 * @param systemPrompt     a draft prompt to try instead of the tenant's own; null = the tenant's
 * @param knowledgeBase    draft knowledge (one fact per line or sentence) instead of the tenant's; null = the tenant's
 * @param personas         who calls; conversation i gets {@code personas[i % size]}; null or empty = every built-in one
 * @param maxTurns         caller utterances per conversation at most; null = the configured default
 */
public record StressTestRequest(
        String tenantId,
        Integer numConversations,
        String industry,
        String systemPrompt,
        String knowledgeBase,
        List<PersonaSpec> personas,
        Integer maxTurns) {}
