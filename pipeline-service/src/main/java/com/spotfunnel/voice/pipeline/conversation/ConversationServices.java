package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.pipeline.analysis.AnalysisPublisher;
import com.spotfunnel.voice.pipeline.cost.PriceTable;
import com.spotfunnel.voice.pipeline.llm.LlmChain;
import com.spotfunnel.voice.pipeline.stt.SttChain;
import com.spotfunnel.voice.pipeline.tts.TtsChain;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Everything a call's {@link Conversation} works with, and the factory that starts one per socket. */
@ApplicationScoped
public class ConversationServices {

    final SttChain stt;
    final LlmChain llm;
    final TtsChain tts;
    final PriceTable prices;
    final AnalysisPublisher analysis;
    final TenantAgents agents;
    final Timer turnLatency;
    final Counter bargeIns;
    final Counter providerFailures;
    final Counter lookaheadUsed;
    final Counter lookaheadUnused;
    final AtomicInteger activeCalls = new AtomicInteger();

    public ConversationServices(SttChain stt, LlmChain llm, TtsChain tts, PriceTable prices,
            AnalysisPublisher analysis, TenantAgents agents, MeterRegistry meters) {
        this.stt = stt;
        this.llm = llm;
        this.tts = tts;
        this.prices = prices;
        this.analysis = analysis;
        this.agents = agents;
        this.turnLatency = Timer.builder("pipeline_turn_latency")
                .description("end of the caller's utterance to the first agent audio sent")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.bargeIns = Counter.builder("pipeline_barge_ins_total").register(meters);
        this.providerFailures = Counter.builder("pipeline_provider_failures_total").register(meters);
        this.lookaheadUsed = lookahead("used", meters);
        this.lookaheadUnused = lookahead("unused", meters);
        meters.gauge("pipeline_active_calls", activeCalls);
    }

    private static Counter lookahead(String outcome, MeterRegistry meters) {
        return Counter.builder("pipeline_knowledge_lookahead_total")
                .description("knowledge searches started on the caller's interim words: used by the answer, or "
                        + "unused because the final words asked something else")
                .tag("outcome", outcome).register(meters);
    }

    public Conversation start(GatewayMessage.CallStart call, Consumer<PipelineMessage> out) {
        Conversation conversation = new Conversation(call, this, out);
        activeCalls.incrementAndGet();
        conversation.start();
        return conversation;
    }

    /** Calls whose socket is open on this instance. */
    public int activeCalls() {
        return activeCalls.get();
    }

    void ended() {
        activeCalls.decrementAndGet();
    }
}
