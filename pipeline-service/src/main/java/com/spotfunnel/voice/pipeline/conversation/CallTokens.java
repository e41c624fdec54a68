package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.events.bridge.CallToken;
import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The pipeline's side of {@link CallToken}: checks the gateway's tokens and counts the call sockets it refuses. */
@ApplicationScoped
public class CallTokens {

    private final CallToken tokens;
    private final MeterRegistry meters;

    public CallTokens(PipelineConfig config, MeterRegistry meters) {
        this.tokens = new CallToken(config.calls().tokenSecret());
        this.meters = meters;
    }

    public CallToken.Verified verify(String token, Instant now) {
        return tokens.verify(token, now);
    }

    /**
     * A call socket refused: at the upgrade ({@code missing}, {@code invalid}, {@code expired}, {@code other_call};
     * {@code capacity}: past the live-conversation limit, {@link ConversationAdmission}) or at its start frame ({@code start_mismatch}, {@code duplicate_call}).
     */
    public void refused(String reason) {
        meters.counter("pipeline_call_sockets_refused_total", "reason", reason).increment();
    }
}
