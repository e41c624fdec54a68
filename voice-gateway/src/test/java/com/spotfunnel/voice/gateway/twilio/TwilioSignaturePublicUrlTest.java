package com.spotfunnel.voice.gateway.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.support.http.TrustedProxies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which URL the signature is checked against, behind and without a proxy. */
class TwilioSignaturePublicUrlTest {

    private static final String CONFIGURED = "https://voice.example.com";
    private static final TrustedProxies TRUSTED = new TrustedProxies(List.of("10.0.0.5"));

    @Test
    void withoutForwardedHeadersTheConfiguredUrlIsUsed() {
        assertEquals(CONFIGURED, TwilioSignature.publicBase(CONFIGURED, TRUSTED, "10.0.0.5", null, null, null));
    }

    @Test
    void aTrustedProxyIsBelieved() {
        assertEquals(
                "https://edge.example.com",
                TwilioSignature.publicBase(CONFIGURED, TRUSTED, "10.0.0.5", "https", "edge.example.com", "443"));
        assertEquals(
                "https://edge.example.com:8443",
                TwilioSignature.publicBase(CONFIGURED, TRUSTED, "10.0.0.5", "https", "edge.example.com", "8443"));
        assertEquals(
                "http://edge.example.com",
                TwilioSignature.publicBase(
                        CONFIGURED, TRUSTED, "10.0.0.5", "http, https", "edge.example.com, x", null));
        // A range, as an ingress' pods have (TRUSTED_PROXIES is shared with rate limiting).
        assertEquals(
                "https://edge.example.com",
                TwilioSignature.publicBase(
                        CONFIGURED,
                        new TrustedProxies(List.of("10.0.0.0/8")),
                        "10.3.2.1",
                        "https",
                        "edge.example.com",
                        null));
    }

    @Test
    void anyoneElsesForwardedHeadersAreIgnored() {
        assertEquals(
                CONFIGURED,
                TwilioSignature.publicBase(CONFIGURED, TRUSTED, "203.0.113.9", "https", "evil.example", "443"));
        assertEquals(
                CONFIGURED,
                TwilioSignature.publicBase(
                        CONFIGURED, new TrustedProxies(List.of()), "10.0.0.5", "https", "edge.example.com", null));
    }
}
