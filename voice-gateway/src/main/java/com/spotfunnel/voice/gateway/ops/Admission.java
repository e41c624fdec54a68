package com.spotfunnel.voice.gateway.ops;

import com.spotfunnel.voice.events.payload.Severity;
import com.spotfunnel.voice.events.payload.SystemError;
import com.spotfunnel.voice.gateway.config.GatewayConfig;
import com.spotfunnel.voice.gateway.events.CallEvents;
import com.spotfunnel.voice.gateway.media.CallSessions;
import com.spotfunnel.voice.gateway.twilio.Twiml;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Admission control ({@code gateway.admission.*}): past {@code max-live-calls} this instance refuses a new call
 * the way Twilio expects, and the calls it carries keep their latency instead of every call slowing at once.
 *
 * <p>A call counts from its webhook's answer (pending until its Media Stream starts, at most
 * {@code pending-timeout}) until its session ends, so a burst of webhooks cannot all slip in before their streams
 * start. A refused call is answered {@code <Say>busy</Say><Hangup/>} or 503 (Twilio then asks the number's Voice
 * Fallback URL), counted as {@code gateway_incoming_calls_total{outcome="refused_capacity"}} and recorded as a
 * {@code SystemError{errorType=capacity_refused}} event of the tenant. The webhook calls {@link #refusal} once,
 * before it answers with a stream.
 */
@ApplicationScoped
public class Admission {

    private static final Logger LOG = Logger.getLogger(Admission.class);
    public static final String REFUSED = "refused_capacity";

    private final GatewayConfig.Admission config;
    private final Limit limit;
    private final GatewayMetrics metrics;
    private final CallEvents events;

    public Admission(
            GatewayConfig config,
            CallSessions sessions,
            GatewayMetrics metrics,
            CallEvents events,
            MeterRegistry meters) {
        this.config = config.admission();
        this.limit = new Limit(
                this.config.maxLiveCalls(),
                this.config.pendingTimeout().toNanos(),
                sessions::size,
                callSid -> sessions.byCallSid(callSid).isPresent(),
                System::nanoTime);
        this.metrics = metrics;
        this.events = events;
        Gauge.builder("gateway_live_call_limit", this.config, GatewayConfig.Admission::maxLiveCalls)
                .description("live calls this instance takes before refusing new ones (0: no limit)")
                .register(meters);
    }

    /**
     * Admits the call (empty: answer it with its stream), or records its refusal and returns the TwiML to answer
     * with; in {@code fallback} mode throws the 503 instead.
     */
    public Optional<String> refusal(String callSid, String tenantId) {
        if (limit.admit(callSid)) {
            return Optional.empty();
        }
        metrics.webhook(REFUSED);
        String callId = UUID.randomUUID().toString();
        LOG.warnf(
                "Call %s (CallSid %s) for tenant %s refused: %d live calls, the limit of this instance",
                callId, callSid, tenantId, config.maxLiveCalls());
        events.publish(
                events.track(callId, tenantId, callSid),
                new SystemError(
                        "capacity_refused",
                        Severity.WARNING,
                        "voice-gateway",
                        "Incoming call refused: every line of this instance is busy",
                        null,
                        Map.of(
                                "callSid", callSid,
                                "maxLiveCalls", Integer.toString(config.maxLiveCalls()),
                                "answer", config.refusal().name().toLowerCase())));
        return Optional.of(answer(config.refusal(), config.busyMessage()));
    }

    /** The busy message's TwiML, or (fallback) the 503 thrown so that Twilio asks the number's fallback URL. */
    static String answer(GatewayConfig.Admission.Refusal refusal, String busyMessage) {
        if (refusal == GatewayConfig.Admission.Refusal.FALLBACK) {
            throw new WebApplicationException(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "1")
                    .type(MediaType.TEXT_PLAIN)
                    .entity("voice-gateway is at its live-call limit; Twilio tries the number's fallback URL")
                    .build());
        }
        return Twiml.sayThenHangup(busyMessage);
    }

    /**
     * The count: live sessions plus calls admitted whose stream has not started yet. Pending calls leave the count
     * when their session is live (then counted as live) or after {@code pendingTimeoutNanos}.
     */
    static final class Limit {
        private final int max;
        private final long pendingTimeoutNanos;
        private final IntSupplier liveCalls;
        private final Predicate<String> isLive;
        private final LongSupplier nanoClock;
        private final Map<String, Long> pending = new HashMap<>();

        Limit(int max, long pendingTimeoutNanos, IntSupplier liveCalls, Predicate<String> isLive, LongSupplier clock) {
            this.max = max;
            this.pendingTimeoutNanos = pendingTimeoutNanos;
            this.liveCalls = liveCalls;
            this.isLive = isLive;
            this.nanoClock = clock;
        }

        synchronized boolean admit(String callSid) {
            if (max <= 0) {
                return true;
            }
            long now = nanoClock.getAsLong();
            pending.entrySet().removeIf(e -> now - e.getValue() > pendingTimeoutNanos || isLive.test(e.getKey()));
            if (liveCalls.getAsInt() + pending.size() >= max) {
                return false;
            }
            pending.put(callSid, now);
            return true;
        }
    }
}
