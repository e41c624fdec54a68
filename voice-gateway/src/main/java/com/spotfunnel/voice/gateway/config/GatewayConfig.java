package com.spotfunnel.voice.gateway.config;

import io.smallrye.config.ConfigMapping;

/** The gateway's business settings ({@code gateway.*}). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /**
     * The public https URL Twilio calls (scheme, host, non-default port), used to check webhook signatures
     * and to build the Media Stream's wss URL.
     */
    String publicBaseUrl();
}
