package com.spotfunnel.voice.support.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Rate limiting at the HTTP edge (docs/DECISIONS.md "Rate limiting"): a budget per client address, a separate
 * one for the routes live calls use, and one per authenticated principal (tenant or operator). Counters live in
 * Redis so the limits hold across pods; when Redis does not answer, requests are served (fail open).
 */
@ConfigMapping(prefix = "spotfunnel.rate-limit")
public interface RateLimitConfig {

    /** Off: no request is counted and Redis is never called. */
    @WithDefault("false")
    boolean enabled();

    /** Start of every Redis key: one per environment, so environments sharing a Redis never share counts. */
    @WithDefault("spotfunnel")
    String keyPrefix();

    /** Path prefixes never limited (health, readiness, metrics). */
    @WithDefault("/q/")
    List<String> exemptPaths();

    /**
     * Direct peers (IP addresses or CIDR ranges) whose {@code X-Forwarded-For} is believed. Empty: the client is
     * always the direct peer, whatever the header says.
     */
    Optional<List<String>> trustedProxies();

    /** Longest wait for Redis on a request; past it the request is served unlimited. */
    @WithDefault("100ms")
    Duration storeTimeout();

    /** After Redis failed, requests skip it (served unlimited) for this long before it is tried again. */
    @WithDefault("1s")
    Duration storeRetryInterval();

    /** Store failures are counted always but logged at most once per this interval. */
    @WithDefault("1m")
    Duration storeErrorLogInterval();

    /** Every non-exempt request, per client address (except those under {@link #calls()}). */
    Budget client();

    /** Routes that serve live calls (Twilio webhooks, the pipeline bridge): their own budget per client. */
    Calls calls();

    /** Authenticated requests, per value of a token claim (dashboard-api: the tenant; admin-api: the operator). */
    Principal principal();

    interface Budget {
        /** Requests allowed per window. */
        @WithDefault("600")
        int requests();

        @WithDefault("1m")
        Duration window();
    }

    interface Calls {
        /**
         * Path prefixes on this budget, where {@code *} stands for one path segment
         * ({@code /tenants/*}{@code /knowledge/search}); none: every request is on the client budget.
         */
        Optional<List<String>> paths();

        @WithDefault("6000")
        int requests();

        @WithDefault("1m")
        Duration window();
    }

    interface Principal {
        /** Token claim naming the principal; unset: no per-principal limit. */
        Optional<String> claim();

        /**
         * Roles never counted per principal: a service account that serves every live call through one identity
         * (admin-api: {@code pipeline}). Its pods are still counted per address.
         */
        Optional<List<String>> exemptRoles();

        /** What the limit is called in headers' problems and metrics ({@code tenant}, {@code operator}). */
        @WithDefault("tenant")
        String label();

        @WithDefault("1200")
        int requests();

        @WithDefault("1m")
        Duration window();
    }
}
