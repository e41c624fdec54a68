package com.spotfunnel.voice.pipeline.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The summary of each known caller's previous call, per tenant, so the agent can refer to it. In memory and
 * bounded (oldest forgotten first); lost on restart, which only costs the agent that bit of context.
 */
@ApplicationScoped
public class CallerMemory {

    private static final int MAX_CALLERS = 50_000;

    private final Map<String, String> lastSummary = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_CALLERS;
        }
    };

    public synchronized Optional<String> previousCall(String tenantId, String callerPhone) {
        return callerPhone == null
                ? Optional.empty()
                : Optional.ofNullable(lastSummary.get(tenantId + "|" + callerPhone));
    }

    public synchronized void remember(String tenantId, String callerPhone, String summary) {
        if (callerPhone != null && summary != null && !summary.isBlank()) {
            lastSummary.put(tenantId + "|" + callerPhone, summary);
        }
    }
}
