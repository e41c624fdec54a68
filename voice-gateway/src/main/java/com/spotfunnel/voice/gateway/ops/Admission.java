package com.spotfunnel.voice.gateway.ops;

import com.spotfunnel.voice.events.payload.Severity;
import com.spotfunnel.voice.events.payload.SystemError;
import com.spotfunnel.voice.gateway.bridge.PipelineBusy;
import com.spotfunnel.voice.gateway.bridge.PipelineLink;
import com.spotfunnel.voice.gateway.config.GatewayConfig;
import com.spotfunnel.voice.gateway.events.CallEvents;
import com.spotfunnel.voice.gateway.media.CallSessions;
import com.spotfunnel.voice.gateway.twilio.Twiml;
import com.spotfunnel.voice.support.admission.LiveLimit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Admission control ({@code gateway.admission.*}): past {@code max-live-calls}, or while the event loops run later
 * than {@code max-event-loop-lag}, or while pipeline-service has just refused conversations for capacity
 * ({@link PipelineBusy}), this instance refuses a new call the way Twilio expects, and the calls it carries keep
 * their latency instead of every call slowing at once.
 *
 * <p>A call counts from its webhook's answer (pending until its Media Stream starts, at most
 * {@code pending-timeout}) until its session ends, so a burst of webhooks cannot all slip in before their streams
 * start ({@link LiveLimit}). A refused call is answered {@code <Say>busy</Say><Hangup/>} or 503 (Twilio then asks
 * the number's Voice Fallback URL), counted as {@code gateway_incoming_calls_total{outcome="refused_capacity"}} and
 * {@code gateway_admission_refusals_total{reason}}, and recorded as a {@code SystemError{errorType=capacity_refused}}
 * event of the tenant whose context names the reason. The webhook calls {@link #refusal} once, before it answers
 * with a stream.
 */
@ApplicationScoped
public class Admission {

    private static final Logger LOG = Logger.getLogger(Admission.class);
    public static final String REFUSED = "refused_capacity";

    /** Why a call was refused: the {@code reason} of the event's context and of the metric. */
    public static final String LIVE_CALLS = "live_calls";

    public static final String EVENT_LOOP_LAG = "event_loop_lag";

    private static final Map<String, String> WHY = Map.of(
            LIVE_CALLS,
            "every line of this instance is busy",
            EVENT_LOOP_LAG,
            "this instance's event loops run late",
            PipelineLink.PIPELINE_BUSY,
            "pipeline-service is at its live-conversation limit");

    private final GatewayConfig.Admission config;
    private final LiveLimit limit;
    private final EventLoopLagProbe lag;
    private final PipelineBusy pipeline;
    private final GatewayMetrics metrics;
    private final CallEvents events;

    public Admission(
            GatewayConfig config,
            CallSessions sessions,
            EventLoopLagProbe lag,
            PipelineBusy pipeline,
            GatewayMetrics metrics,
            CallEvents events,
            MeterRegistry meters) {
        this.config = config.admission();
        this.limit = new LiveLimit(
                this.config.maxLiveCalls(),
                this.config.pendingTimeout().toNanos(),
                sessions::size,
                callSid -> sessions.byCallSid(callSid).isPresent(),
                System::nanoTime);
        this.lag = lag;
        this.pipeline = pipeline;
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
        // The load signals first: a call they refuse must not take one of the count's lines.
        long lagNanos = lag.lagNanos();
        long maxLag = config.maxEventLoopLag().toNanos();
        String reason;
        if (maxLag > 0 && lagNanos >= maxLag) {
            reason = EVENT_LOOP_LAG;
        } else if (pipeline.busy()) {
            reason = PipelineLink.PIPELINE_BUSY;
        } else if (!limit.admit(callSid)) {
            reason = LIVE_CALLS;
        } else {
            return Optional.empty();
        }
        metrics.webhook(REFUSED);
        metrics.admissionRefused(reason);
        String callId = UUID.randomUUID().toString();
        LOG.warnf(
                "Call %s (CallSid %s) for tenant %s refused (%s): limit %d live calls, event loop lag %d ms",
                callId, callSid, tenantId, reason, config.maxLiveCalls(), lagNanos / 1_000_000);
        Map<String, String> context = new HashMap<>();
        context.put("callSid", callSid);
        context.put("reason", reason);
        context.put("maxLiveCalls", Integer.toString(config.maxLiveCalls()));
        context.put("eventLoopLagMs", Long.toString(lagNanos / 1_000_000));
        context.put("answer", config.refusal().name().toLowerCase(Locale.ROOT));
        events.publish(
                events.track(callId, tenantId, callSid),
                new SystemError(
                        "capacity_refused",
                        Severity.WARNING,
                        "voice-gateway",
                        "Incoming call refused: " + WHY.get(reason),
                        null,
                        context));
        return Optional.of(answer(config.refusal(), config.busyMessage()));
    }

    /** The busy message's TwiML, or (fallback) the 503 thrown so that Twilio asks the number's fallback URL. */
    static String answer(GatewayConfig.Admission.Refusal refusal, String busyMessage) {
        if (refusal == GatewayConfig.Admission.Refusal.FALLBACK) {
            throw new WebApplicationException(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "1")
                    .type(MediaType.TEXT_PLAIN)
                    .entity("voice-gateway is at its capacity; Twilio tries the number's fallback URL")
                    .build());
        }
        return Twiml.sayThenHangup(busyMessage);
    }
}
