package com.spotfunnel.voice.gateway.twilio;

import com.spotfunnel.voice.events.payload.CallStatusReported;
import com.spotfunnel.voice.events.payload.CallTransferred;
import com.spotfunnel.voice.events.payload.Severity;
import com.spotfunnel.voice.events.payload.SystemError;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantRegistry;
import com.spotfunnel.voice.gateway.config.GatewayConfig;
import com.spotfunnel.voice.gateway.events.CallEvents;
import com.spotfunnel.voice.gateway.events.CallTrack;
import com.spotfunnel.voice.gateway.media.CallContext;
import com.spotfunnel.voice.gateway.media.CallSession;
import com.spotfunnel.voice.gateway.media.CallSessions;
import com.spotfunnel.voice.gateway.ops.Admission;
import com.spotfunnel.voice.gateway.ops.Drain;
import com.spotfunnel.voice.gateway.ops.GatewayMetrics;
import com.spotfunnel.voice.gateway.ops.TenantConfigCatchUp;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Twilio's webhooks. Every request must carry a valid {@code X-Twilio-Signature} (403 otherwise, and no
 * stream). {@code /voice} answers a call with a Media Stream to the tenant's agent, {@code /status}
 * records call progress, {@code /dial-result} records the outcome of a transfer.
 */
@Path("/twilio")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_XML)
public class TwilioWebhookResource {

    private static final Logger LOG = Logger.getLogger(TwilioWebhookResource.class);
    /** The Dial outcomes after which the caller goes back to the agent. */
    private static final Set<String> RETURNING_OUTCOMES = Set.of("no-answer", "busy", "failed");

    private final TwilioSignature signature;
    private final TenantRegistry tenants;
    private final CallEvents events;
    private final StreamToken tokens;
    private final GatewayConfig config;
    private final WebhookSupport support;

    public TwilioWebhookResource(
            TwilioSignature signature,
            TenantRegistry tenants,
            CallEvents events,
            StreamToken tokens,
            GatewayConfig config,
            WebhookSupport support) {
        this.signature = signature;
        this.tenants = tenants;
        this.events = events;
        this.tokens = tokens;
        this.config = config;
        this.support = support;
    }

    @POST
    @Path("/voice")
    public String voice(
            MultivaluedMap<String, String> form,
            @HeaderParam(TwilioSignature.HEADER) String signed,
            @Context HttpServerRequest request) {
        Map<String, String> params = verified(form, signed, request);
        String callSid = params.getOrDefault("CallSid", "");
        String to = params.get("To");
        if (support.drain.isDraining()) {
            // 503, not TwiML: Twilio then asks the number's Voice Fallback URL, which reaches a ready instance.
            support.metrics.webhook("refused_draining");
            throw unavailable("voice-gateway is shutting down; new calls go to another instance");
        }
        TenantConfig tenant = to == null ? null : tenants.byPhoneNumber(to).orElse(null);
        if (tenant == null && !support.tenantConfig.caughtUp()) {
            // Not every tenant is known yet: "not in service" could be wrong. Same answer as draining.
            support.metrics.webhook("refused_starting");
            throw unavailable("voice-gateway has not read every tenant yet; new calls go to another instance");
        }
        String callId = UUID.randomUUID().toString();
        if (tenant == null) {
            support.metrics.webhook("unknown_number");
            LOG.warnf("Call %s (CallSid %s) to a number no active tenant owns", callId, callSid);
            CallTrack track = events.track(callId, "unknown", callSid);
            events.publish(
                    track,
                    new SystemError(
                            "unknown_number",
                            Severity.WARNING,
                            "voice-gateway",
                            "Incoming call to a number no active tenant owns",
                            null,
                            Map.of("callSid", callSid)));
            return Twiml.sayThenHangup(config.fallback().unknownNumberMessage());
        }
        var busy = support.admission.refusal(callSid, tenant.tenantId()); // past this pod's live-call limit
        if (busy.isPresent()) {
            return busy.get();
        }
        support.metrics.webhook("accepted");
        Map<String, String> streamParams = streamParameters(
                callId, tenant.tenantId(), params.get("From"), to, params.getOrDefault("Direction", "inbound"));
        return Twiml.connectStream(mediaUrl(), tokens.sign(streamParams, callSid, Instant.now()));
    }

    @POST
    @Path("/status")
    public String status(
            MultivaluedMap<String, String> form,
            @HeaderParam(TwilioSignature.HEADER) String signed,
            @Context HttpServerRequest request) {
        Map<String, String> params = verified(form, signed, request);
        String callSid = params.get("CallSid");
        String status = params.get("CallStatus");
        if (callSid == null || status == null) {
            return Twiml.empty();
        }
        var incoming = new CallStatusLedger.TwilioStatus(
                status,
                number(params.get("SequenceNumber"), -1),
                number(params.get("CallDuration"), -1),
                Instant.now());
        if (support.ledger.record(callSid, incoming) && incoming.isFinal()) {
            support.metrics.twilioFinalStatus(status, incoming.durationSeconds());
            // Twilio's final status and billed duration go on the call's record (once: the ledger drops repeats).
            events.findByCallSid(callSid)
                    .ifPresent(track -> events.publish(
                            track,
                            new CallStatusReported(
                                    status, incoming.durationSeconds() < 0 ? null : incoming.durationSeconds())));
            // A caller who hung up without the stream's stop: end the session now.
            support.sessions.byCallSid(callSid).ifPresent(session -> session.callEnded("caller_hangup"));
        }
        return Twiml.empty();
    }

    /**
     * The Dial's action: its outcome. For a transfer the caller asked for that did not connect (no-answer, busy,
     * failed) while the call's session is on this instance, the caller goes back to the agent on a new stream of the
     * same call; otherwise the outcome is recorded once and Twilio hangs up.
     */
    @POST
    @Path("/dial-result")
    public String dialResult(
            MultivaluedMap<String, String> form,
            @HeaderParam(TwilioSignature.HEADER) String signed,
            @Context HttpServerRequest request,
            @QueryParam("callId") String callId,
            @QueryParam("reason") String reason) {
        Map<String, String> params = verified(form, signed, request);
        String outcome = params.getOrDefault("DialCallStatus", "unknown");
        Optional<CallSession> session = support.sessions
                .byCallSid(params.get("CallSid"))
                .filter(s -> s.call().callId().equals(callId));
        if ("caller_request".equals(reason) && session.isPresent() && support.firstDialResult(callId)) {
            CallContext call = session.get().call();
            if (session.get().dialEnded(outcome)) {
                Map<String, String> streamParams = streamParameters(
                        call.callId(), call.tenantId(), call.callerPhone(), call.dialedNumber(), call.direction());
                streamParams.put(StreamToken.RESUME, outcome);
                return Twiml.connectStream(mediaUrl(), tokens.sign(streamParams, call.callSid(), Instant.now()));
            }
            return Twiml.hangup();
        }
        if ("caller_request".equals(reason)
                && session.isEmpty()
                && RETURNING_OUTCOMES.contains(outcome)
                && !"completed".equals(params.get("CallStatus"))
                && events.find(callId).isEmpty()
                && support.firstDialResult(callId)) {
            // The call's session is on another instance (several replicas behind one URL): the caller must not be
            // cut off. Back to an agent on a new stream whose signed parameters say so; see returnedElsewhere.
            return returnedElsewhere(callId, params, outcome);
        }
        events.find(callId)
                .filter(track -> support.firstDialResult(callId))
                .ifPresentOrElse(
                        track -> {
                            String transferTo = tenants.byTenantId(track.tenantId())
                                    .map(t ->
                                            t.agent() == null ? null : t.agent().transferNumber())
                                    .orElse(null);
                            events.publish(
                                    track,
                                    new CallTransferred(transferTo, reason == null ? "fallback" : reason, outcome));
                            support.metrics.transferOutcome(outcome, false);
                        },
                        () -> LOG.infof(
                                "Dial result %s for call %s ignored (unknown or already recorded)", outcome, callId));
        return Twiml.hangup();
    }

    /**
     * A Dial outcome for a call this instance does not hold. Everything the new stream needs is in the request: the
     * callId in the action URL we wrote (under Twilio's signature), who called whom in Twilio's parameters, the tenant
     * from the dialled number. The stream's parameters are signed as on {@code /voice}; the instance the stream
     * reaches either holds the call (it continues it) or carries the caller on as a new record of the same CallSid.
     */
    private String returnedElsewhere(String callId, Map<String, String> params, String outcome) {
        String to = params.get("To");
        Optional<TenantConfig> tenant = to == null ? Optional.empty() : tenants.byPhoneNumber(to);
        if (tenant.isEmpty() || callId == null || callId.isBlank()) {
            support.metrics.webhook("dial_result_unknown_call");
            return Twiml.sayThenHangup(config.transfer().unreachableMessage());
        }
        support.metrics.webhook("dial_result_other_instance");
        LOG.infof(
                "Dial result %s for call %s, held by another instance: the caller returns to an agent here",
                outcome, callId);
        Map<String, String> streamParams = streamParameters(
                callId, tenant.get().tenantId(), params.get("From"), to, params.getOrDefault("Direction", "inbound"));
        streamParams.put(StreamToken.RESUME, outcome);
        return Twiml.connectStream(mediaUrl(), tokens.sign(streamParams, params.get("CallSid"), Instant.now()));
    }

    /**
     * The {@code <Number url>} of a transfer the caller asked for: the person called picked up. Recorded as answered
     * (once); a warm transfer's whisper is their TwiML, else an empty document connects them at once.
     */
    @POST
    @Path("/dial-answered")
    public String dialAnswered(
            MultivaluedMap<String, String> form,
            @HeaderParam(TwilioSignature.HEADER) String signed,
            @Context HttpServerRequest request,
            @QueryParam("callId") String callId) {
        Map<String, String> params = verified(form, signed, request);
        // Twilio runs this on the dialed leg: its parent is the caller's call.
        Optional<CallSession> session = support.sessions
                .byCallSid(params.get("ParentCallSid"))
                .filter(s -> s.call().callId().equals(callId));
        if (session.isEmpty() || !support.firstDialResult(callId)) {
            return Twiml.empty();
        }
        String whisper = session.get().dialAnswered();
        return whisper == null ? Twiml.empty() : Twiml.whisper(whisper);
    }

    private Map<String, String> verified(
            MultivaluedMap<String, String> form, String signed, HttpServerRequest request) {
        Map<String, String> params = new HashMap<>();
        if (form != null) {
            form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        }
        if (!signature.isValid(request, params, signed)) {
            support.metrics.webhook("bad_signature");
            LOG.warnf(
                    "Rejected a Twilio webhook on %s: %s signature",
                    request.path(), signed == null ? "missing" : "invalid");
            throw new WebApplicationException(Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.TEXT_PLAIN)
                    .entity("invalid Twilio signature")
                    .build());
        }
        return params;
    }

    /** The call's identity as the stream's parameters carry it (signed by {@link StreamToken}). */
    private static Map<String, String> streamParameters(
            String callId, String tenantId, String from, String to, String direction) {
        Map<String, String> streamParams = new LinkedHashMap<>();
        streamParams.put("callId", callId);
        streamParams.put("tenantId", tenantId);
        streamParams.put("from", from);
        streamParams.put("to", to);
        streamParams.put("direction", direction);
        return streamParams;
    }

    private static WebApplicationException unavailable(String why) {
        return new WebApplicationException(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", "1")
                .type(MediaType.TEXT_PLAIN)
                .entity(why)
                .build());
    }

    private String mediaUrl() {
        String base = TwilioSignature.stripSlash(config.publicBaseUrl());
        return base.replaceFirst("^http", "ws") + "/twilio/media";
    }

    private static long number(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The webhook's smaller collaborators, so the resource's constructor stays short. */
    @jakarta.inject.Singleton
    public static class WebhookSupport {

        final Drain drain;
        final GatewayMetrics metrics;
        final CallStatusLedger ledger;
        final CallSessions sessions;
        final TenantConfigCatchUp tenantConfig;
        final Admission admission;
        private final Set<String> dialResults = ConcurrentHashMap.newKeySet();

        public WebhookSupport(
                Drain drain,
                GatewayMetrics metrics,
                CallStatusLedger ledger,
                CallSessions sessions,
                TenantConfigCatchUp tenantConfig,
                Admission admission) {
            this.drain = drain;
            this.tenantConfig = tenantConfig;
            this.admission = admission;
            this.metrics = metrics;
            this.ledger = ledger;
            this.sessions = sessions;
        }

        boolean firstDialResult(String callId) {
            if (dialResults.size() > 100_000) {
                dialResults.clear();
            }
            return dialResults.add(callId);
        }
    }
}
