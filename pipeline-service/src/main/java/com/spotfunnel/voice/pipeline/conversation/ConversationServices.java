package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.pipeline.analysis.FinishedCalls;
import com.spotfunnel.voice.pipeline.cost.PriceTable;
import com.spotfunnel.voice.pipeline.llm.LlmStage;
import com.spotfunnel.voice.pipeline.stt.SttStage;
import com.spotfunnel.voice.pipeline.tts.TtsStage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/** The factory that starts one {@link Conversation} per socket, with the tenant's agent and the application's beans. */
@ApplicationScoped
public class ConversationServices {

    private static final Logger LOG = Logger.getLogger(ConversationServices.class);

    private final TenantAgents agents;
    private final ConversationDeps deps;

    public ConversationServices(
            SttStage stt,
            LlmStage llm,
            TtsStage tts,
            PriceTable prices,
            FinishedCalls analysis,
            TenantAgents agents,
            ConversationMetrics metrics) {
        this.agents = agents;
        this.deps = new ConversationDeps(stt, llm, tts, prices, analysis, metrics, System::nanoTime);
    }

    public Conversation start(GatewayMessage.CallStart call, Consumer<PipelineMessage> out) {
        if (agents.tenant(call.tenantId()).isEmpty()) {
            LOG.warnf(
                    "Call %s: tenant %s unknown to this instance; default agent used", call.callId(), call.tenantId());
        }
        Conversation conversation =
                new Conversation(call, agents.forCall(call.tenantId(), call.callerPhone()), deps, out);
        deps.metrics().callStarted();
        conversation.start();
        return conversation;
    }

    /** Calls whose socket is open on this instance. */
    public int activeCalls() {
        return deps.metrics().activeCalls();
    }
}
