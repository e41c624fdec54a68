package com.spotfunnel.voice.events;

/** The one place where Kafka topic names live. */
public final class Topics {

    /** Every call's events, keyed by callId so one call stays ordered in one partition. */
    public static final String CALL_EVENTS = "call-events";

    /** Compacted; key = tenantId, value = the tenant's whole current configuration (null = deleted). */
    public static final String TENANT_CONFIG = "tenant-config";

    private Topics() {}
}
