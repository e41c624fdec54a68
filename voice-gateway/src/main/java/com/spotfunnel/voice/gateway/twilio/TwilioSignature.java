package com.spotfunnel.voice.gateway.twilio;

import com.spotfunnel.voice.gateway.config.GatewayConfig;
import com.spotfunnel.voice.support.http.TrustedProxies;
import com.twilio.security.RequestValidator;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature} with twilio-java's {@link RequestValidator} against the URL Twilio used:
 * the configured public base URL plus the request's path and query. Behind a trusted proxy (listed in
 * {@code gateway.trusted-proxies}) the base is rebuilt from its {@code X-Forwarded-Proto/Host/Port}
 * headers; anyone else's forwarded headers are ignored.
 */
@ApplicationScoped
public class TwilioSignature {

    public static final String HEADER = "X-Twilio-Signature";

    private final RequestValidator validator;
    private final String publicBaseUrl;
    private final TrustedProxies trustedProxies;

    public TwilioSignature(GatewayConfig config) {
        this.validator = new RequestValidator(config.twilio().authToken());
        this.publicBaseUrl = stripSlash(config.publicBaseUrl());
        this.trustedProxies = new TrustedProxies(config.trustedProxies().orElse(List.of()));
    }

    public boolean isValid(HttpServerRequest request, Map<String, String> params, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        return validator.validate(publicUrl(request), params, signature);
    }

    /** The URL Twilio signed: public base + path + query. */
    public String publicUrl(HttpServerRequest request) {
        return baseFor(request) + request.uri();
    }

    private String baseFor(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return publicBase(
                publicBaseUrl,
                trustedProxies,
                remote == null ? null : remote.hostAddress(),
                request.getHeader("X-Forwarded-Proto"),
                request.getHeader("X-Forwarded-Host"),
                request.getHeader("X-Forwarded-Port"));
    }

    /**
     * The scheme://host[:port] Twilio saw: the configured one, unless the request comes from a trusted proxy
     * that says where it was received.
     */
    static String publicBase(
            String configured,
            TrustedProxies trustedProxies,
            String remoteAddress,
            String forwardedProto,
            String forwardedHost,
            String forwardedPort) {
        if (remoteAddress == null
                || forwardedHost == null
                || forwardedHost.isBlank()
                || !trustedProxies.isTrusted(remoteAddress)) {
            return configured;
        }
        String proto = firstValue(forwardedProto, "https");
        String host = firstValue(forwardedHost, "");
        String port = firstValue(forwardedPort, "");
        boolean defaultPort = port.isEmpty()
                || host.contains(":")
                || ("https".equals(proto) && "443".equals(port))
                || ("http".equals(proto) && "80".equals(port));
        return proto + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private static String firstValue(String header, String fallback) {
        if (header == null || header.isBlank()) {
            return fallback;
        }
        return header.split(",")[0].trim();
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
