package com.spotfunnel.voice.support.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whose budget a request is counted on: X-Forwarded-For is believed only as far as trusted proxies vouch. */
class TrustedProxiesTest {

    private final TrustedProxies behindIngress = new TrustedProxies(List.of("10.0.0.0/8", "192.0.2.10"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals(
                "203.0.113.9", new TrustedProxies(List.of()).clientAddress("203.0.113.9", List.of("198.51.100.1")));
    }

    @Test
    void aForgedHeaderFromAnUntrustedPeerIsIgnored() {
        assertEquals("203.0.113.9", behindIngress.clientAddress("203.0.113.9", List.of("198.51.100.1")));
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertEquals("198.51.100.1", behindIngress.clientAddress("10.1.2.3", List.of("198.51.100.1")));
        assertEquals("198.51.100.1", behindIngress.clientAddress("192.0.2.10", List.of("198.51.100.1:4711")));
        assertEquals("2001:db8::1", behindIngress.clientAddress("10.1.2.3", List.of("[2001:db8::1]:4711")));
    }

    @Test
    void whatTheClientPrependedIsNotBelieved() {
        // The client sent "X-Forwarded-For: 1.2.3.4"; the ingress appended the address it really saw.
        assertEquals("198.51.100.1", behindIngress.clientAddress("10.1.2.3", List.of("1.2.3.4, 198.51.100.1")));
        // Two trusted hops (an edge proxy 192.0.2.10, then the ingress in 10/8), over two header lines.
        assertEquals(
                "198.51.100.1",
                behindIngress.clientAddress("10.1.2.3", List.of("1.2.3.4", "198.51.100.1, 192.0.2.10")));
    }

    @Test
    void garbageEndsTheWalkAtTheLastTrustedHop() {
        assertEquals("10.1.2.3", behindIngress.clientAddress("10.1.2.3", List.of("evil.example")));
        assertEquals("192.0.2.10", behindIngress.clientAddress("10.1.2.3", List.of("not-an-ip, 192.0.2.10")));
    }

    @Test
    void namesAreNeverLookedUpAsProxies() {
        assertEquals(false, behindIngress.isTrusted("localhost"));
    }
}
