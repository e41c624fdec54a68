package com.spotfunnel.voice.pipeline.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/** The pipeline's business settings ({@code pipeline.*}). */
@ConfigMapping(prefix = "pipeline")
public interface PipelineConfig {

    /** Provider order per stage for tenants that name none. */
    DefaultProviders defaultProviders();

    interface DefaultProviders {
        List<String> stt();

        List<String> llm();

        List<String> tts();
    }
}
