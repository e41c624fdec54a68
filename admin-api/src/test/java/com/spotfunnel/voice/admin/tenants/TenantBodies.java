package com.spotfunnel.voice.admin.tenants;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies as an operator's SPA sends them. */
final class TenantBodies {

    private TenantBodies() {}

    static Map<String, Object> tenant(String tenantId, String greeting, List<String> numbers) {
        Map<String, Object> agent = new HashMap<>();
        agent.put("systemPrompt", "You are the receptionist of Acme Dental. Be brief and kind.");
        agent.put("greeting", greeting);
        agent.put("voice", "sim-voice-1");
        agent.put(
                "providers",
                Map.of("stt", List.of("simulated"), "llm", List.of("simulated"), "tts", List.of("simulated")));
        agent.put("transferNumber", "+14155550111");
        agent.put("fallbackMessages", Map.of("llm", "Sorry, I am having trouble. Let me transfer you."));
        agent.put(
                "businessHours",
                Map.of(
                        "timeZone",
                        "America/New_York",
                        "weekly",
                        List.of(Map.of("day", "monday", "opens", "09:00", "closes", "17:00"))));
        Map<String, Object> body = new HashMap<>();
        body.put("tenantId", tenantId);
        body.put("name", "Acme Dental " + tenantId);
        body.put("industry", "dental");
        body.put("active", true);
        body.put("agent", agent);
        body.put("phoneNumbers", numbers);
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> agentOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("agent");
    }
}
