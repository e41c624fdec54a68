package com.spotfunnel.voice.gateway.media;

import com.spotfunnel.voice.events.tenant.TenantConfig;

/**
 * Who a stream belongs to, from the {@code <Parameter>}s the webhook wrote.
 *
 * @param tenant the tenant's current config, or null when it vanished since the webhook
 */
public record CallContext(
        String callId,
        String tenantId,
        String callSid,
        String streamSid,
        String callerPhone,
        String dialedNumber,
        String direction,
        TenantConfig tenant) {}
