package com.spotfunnel.voice.events.tenant;

/**
 * Whether the agent remembers the tenant's callers between calls, and for how long. Absent (null in
 * {@link AgentConfig}) means the platform's defaults (pipeline-service {@code pipeline.caller-history.*}).
 *
 * @param enabled       false: calls are neither remembered nor given a caller's history
 * @param retentionDays a remembered call is forgotten this many days after it happened (1 to 3650)
 */
public record CallerHistory(boolean enabled, int retentionDays) {

    public static final int MIN_RETENTION_DAYS = 1;
    public static final int MAX_RETENTION_DAYS = 3650;
}
