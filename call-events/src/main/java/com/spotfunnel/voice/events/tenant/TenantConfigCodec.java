package com.spotfunnel.voice.events.tenant;

import com.spotfunnel.voice.events.serde.ContractJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** JSON for the {@code tenant-config} topic. A null or empty value is a tombstone: the tenant was deleted. */
public final class TenantConfigCodec {

    private TenantConfigCodec() {}

    public static byte[] encode(TenantConfig config) {
        try {
            return ContractJson.mapper().writeValueAsBytes(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the config, or empty for a tombstone
     * @throws IllegalArgumentException when the bytes are not a tenant config (the caller skips and counts it)
     */
    public static Optional<TenantConfig> decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        try {
            TenantConfig config = ContractJson.mapper().readValue(bytes, TenantConfig.class);
            if (config.tenantId() == null) {
                throw new IllegalArgumentException("tenant config without tenantId");
            }
            return Optional.of(config);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "not a tenant config: " + e.getClass().getSimpleName(), e);
        }
    }
}
