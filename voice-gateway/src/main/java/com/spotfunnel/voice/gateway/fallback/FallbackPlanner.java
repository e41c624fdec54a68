package com.spotfunnel.voice.gateway.fallback;

import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.tenant.AgentConfig;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.gateway.config.GatewayConfig;
import com.spotfunnel.voice.gateway.twilio.Twiml;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Chooses the fallback: the tenant's message for the failure kind (else the platform default), then a
 * {@code <Dial>} to the tenant's transfer number with an action callback, or {@code <Hangup/>} without one.
 */
@ApplicationScoped
public class FallbackPlanner implements FallbackPolicy {

    private final GatewayConfig config;

    public FallbackPlanner(GatewayConfig config) {
        this.config = config;
    }

    public FallbackPlan plan(TenantConfig tenant, FailureKind kind, String callId) {
        AgentConfig agent = tenant == null ? null : tenant.agent();
        String message = agent == null ? null : agent.fallbackMessages().get(kind);
        if (message == null || message.isBlank()) {
            message = defaultMessage(kind);
        }
        String transferTo = transferNumber(tenant);
        String twiml = transferTo == null
                ? Twiml.sayThenHangup(message)
                : Twiml.sayThenDial(message, transferTo, dialActionUrl(callId, "fallback"), ringSeconds(tenant));
        return new FallbackPlan(kind, message, transferTo, twiml);
    }

    @Override
    public FallbackPlan busy(TenantConfig tenant) {
        // No transfer: the busy message ends with "Goodbye", as at the webhook (the same words either way).
        String message = config.admission().busyMessage();
        return new FallbackPlan(
                FailureKind.OTHER, message, null, Twiml.sayThenHangup(message), FallbackPlan.CAPACITY_REFUSED);
    }

    /**
     * A transfer the caller asked for: no apology, just the dial (or null when the tenant has no number), ringing for
     * the tenant's ring time. The number's {@code url} tells the gateway the person answered (and plays them the
     * whisper of a warm transfer) before the caller is connected; the Dial's action reports any other outcome.
     */
    public String transferTwiml(TenantConfig tenant, String callId) {
        String transferTo = transferNumber(tenant);
        return transferTo == null
                ? null
                : Twiml.dialAndReport(
                        transferTo,
                        dialActionUrl(callId, "caller_request"),
                        base() + "/twilio/dial-answered?callId=" + URLEncoder.encode(callId, StandardCharsets.UTF_8),
                        ringSeconds(tenant));
    }

    @Override
    public int ringSeconds(TenantConfig tenant) {
        AgentConfig agent = tenant == null ? null : tenant.agent();
        Integer own = agent == null || agent.transfer() == null
                ? null
                : agent.transfer().ringSeconds();
        return own != null && own > 0 ? own : config.fallback().dialTimeoutSeconds();
    }

    public String transferNumber(TenantConfig tenant) {
        if (tenant == null || tenant.agent() == null) {
            return null;
        }
        String number = tenant.agent().transferNumber();
        return number == null || number.isBlank() ? null : number;
    }

    public String defaultMessage(FailureKind kind) {
        GatewayConfig.Fallback messages = config.fallback();
        return switch (kind) {
            case LLM -> messages.llmMessage();
            case TTS -> messages.ttsMessage();
            case STT -> messages.sttMessage();
            case OTHER -> messages.otherMessage();
        };
    }

    private String base() {
        return config.publicBaseUrl().replaceAll("/$", "");
    }

    private String dialActionUrl(String callId, String reason) {
        return base() + "/twilio/dial-result?callId=" + URLEncoder.encode(callId, StandardCharsets.UTF_8) + "&reason="
                + reason;
    }
}
