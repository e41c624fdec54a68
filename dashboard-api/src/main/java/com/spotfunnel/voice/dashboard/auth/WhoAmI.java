package com.spotfunnel.voice.dashboard.auth;

import java.util.List;

/**
 * The signed-in person, as the dashboard shows them.
 *
 * @param tenantId the customer's own tenant; null for an admin, who picks one
 */
public record WhoAmI(String name, List<String> roles, String tenantId) {}
