package com.spotfunnel.voice.dashboard.auth;

/**
 * Who is asking, and for which tenant.
 *
 * @param tenantId the one tenant this request may see
 * @param userName the person, as recorded with what they write (action items, archive)
 */
public record Caller(String tenantId, String userName) {}
