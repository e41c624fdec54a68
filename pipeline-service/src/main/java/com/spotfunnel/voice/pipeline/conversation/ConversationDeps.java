package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.pipeline.analysis.FinishedCalls;
import com.spotfunnel.voice.pipeline.cost.PriceTable;
import com.spotfunnel.voice.pipeline.llm.LlmStage;
import com.spotfunnel.voice.pipeline.stt.SttStage;
import com.spotfunnel.voice.pipeline.tts.TtsStage;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * What every {@link Conversation} works with, each behind a small interface (the price table is plain arithmetic)
 * so a conversation can be built in a plain unit test with fakes and a virtual clock. Production wiring:
 * {@link ConversationServices}.
 *
 * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime} in production)
 * @param clock    the wall clock the tenant's business hours are read against
 */
public record ConversationDeps(
        SttStage stt,
        LlmStage llm,
        TtsStage tts,
        PriceTable prices,
        FinishedCalls analysis,
        ConversationMetrics metrics,
        LongSupplier nanoTime,
        Clock clock) {

    /** With the system's wall clock (business hours are read against it). */
    public ConversationDeps(
            SttStage stt,
            LlmStage llm,
            TtsStage tts,
            PriceTable prices,
            FinishedCalls analysis,
            ConversationMetrics metrics,
            LongSupplier nanoTime) {
        this(stt, llm, tts, prices, analysis, metrics, nanoTime, Clock.systemUTC());
    }
}
