package com.spotfunnel.voice.admin.audit;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;

/**
 * One configuration change: who, what, when, and the tenant's whole configuration before and after (null
 * before a creation, null after a deletion).
 */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String action,
        String tenantId,
        Long version,
        Map<String, Object> before,
        Map<String, Object> after) {

    static Map<String, Object> map(JsonObject json) {
        return json == null ? null : json.getMap();
    }
}
