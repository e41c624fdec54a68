package com.spotfunnel.voice.support.http;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The reverse proxies (IP addresses or CIDR ranges) whose forwarded headers are believed, and who the client
 * is: the direct peer, unless the peer is a trusted proxy; then the right-most
 * {@code X-Forwarded-For} hop that is not itself a trusted proxy. Right-most, not left-most: a proxy appends
 * the address it saw, so everything left of the trusted hops is whatever the client chose to send. Only IP
 * literals are read (never a name lookup); an unreadable hop ends the walk at the last trusted one.
 */
public final class TrustedProxies {

    private final List<IpSubnetFilterRule> trusted;

    /** @param trustedProxies IP addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}) */
    public TrustedProxies(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(TrustedProxies::rule)
                .toList();
    }

    /**
     * @param peer the TCP peer's address
     * @param forwardedFor the {@code X-Forwarded-For} values as received (all header lines), or null
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        if (trusted.isEmpty() || forwardedFor == null || forwardedFor.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = String.join(",", forwardedFor).split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = stripPort(hops[i].trim());
            if (literal(hop) == null) {
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** Whether {@code address} (an IP literal; a name is never trusted) is one of the trusted proxies. */
    public boolean isTrusted(String address) {
        InetAddress ip = literal(address);
        if (ip == null) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(ip, 0);
        return trusted.stream().anyMatch(rule -> rule.matches(socket));
    }

    private static IpSubnetFilterRule rule(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress ip = literal(address);
        if (ip == null) {
            throw new IllegalArgumentException("TRUSTED_PROXIES: not an IP address or CIDR range: " + entry);
        }
        int bits = slash < 0 ? ip.getAddress().length * 8 : Integer.parseInt(entry.substring(slash + 1));
        return new IpSubnetFilterRule(ip, bits, IpFilterRuleType.ACCEPT);
    }

    /** The address if {@code text} is an IPv4 or IPv6 literal, else null; never resolves a name. */
    private static InetAddress literal(String text) {
        byte[] bytes = text == null ? null : NetUtil.createByteArrayFromIpAddressString(text);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** {@code 203.0.113.7:5100} and {@code [2001:db8::1]:5100} as proxies may write them; bare IPv6 as is. */
    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
