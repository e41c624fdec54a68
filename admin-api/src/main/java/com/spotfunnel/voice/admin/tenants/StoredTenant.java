package com.spotfunnel.voice.admin.tenants;

import com.spotfunnel.voice.events.tenant.TenantConfig;
import java.time.Instant;

/** A tenant as stored: exactly the config that is (or will be) published, and when it was created. */
public record StoredTenant(TenantConfig config, Instant createdAt) {}
