package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import com.spotfunnel.voice.support.admission.LiveLimit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Admission control of conversations ({@code pipeline.admission.*}): past {@code max-live-conversations} the next
 * call socket is refused at its upgrade with 503, before any frame, and the conversations this instance carries keep
 * their latency. The gateway tells that caller all lines are busy (never silence), records the call as refused and
 * refuses new calls at its webhook for a moment (docs/voice-gateway.md "Admission control").
 *
 * <p>What counts: live conversations ({@code pipeline_active_calls}) plus sockets admitted whose {@code CallStart}
 * has not begun a conversation yet ({@link LiveLimit}, the same count as the gateway's). Refusals are
 * {@code pipeline_call_sockets_refused_total{reason="capacity"}}; the limit is {@code pipeline_live_conversation_limit}.
 */
@ApplicationScoped
public class ConversationAdmission {

    private static final Logger LOG = Logger.getLogger(ConversationAdmission.class);
    static final String REFUSED = "capacity";

    private final LiveLimit limit;
    private final CallTokens tokens;

    public ConversationAdmission(
            PipelineConfig config,
            ConversationServices conversations,
            CallStartGuard starts,
            CallTokens tokens,
            MeterRegistry meters) {
        PipelineConfig.Admission admission = config.admission();
        this.limit = new LiveLimit(
                admission.maxLiveConversations(),
                admission.pendingTimeout().toNanos(),
                conversations::activeCalls,
                starts::began,
                System::nanoTime);
        this.tokens = tokens;
        Gauge.builder("pipeline_live_conversation_limit", limit, LiveLimit::max)
                .description("live conversations this instance takes before refusing new ones (0: no limit)")
                .register(meters);
    }

    /** Whether the call's socket may open; a refusal is counted and logged. */
    public boolean admit(String callId) {
        if (limit.admit(callId)) {
            return true;
        }
        tokens.refused(REFUSED);
        LOG.warnf(
                "Refused the socket of call %s: %d live conversations, the limit of this instance",
                callId, limit.max());
        return false;
    }
}
