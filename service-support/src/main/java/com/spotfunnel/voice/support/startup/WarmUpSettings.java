package com.spotfunnel.voice.support.startup;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The start-up warm-up's settings, a group of each call-carrying service's config mapping ({@code gateway.warm-up},
 * {@code pipeline.warm-up}; env {@code WARM_UP_*}): synthetic calls driven through the service's real call path
 * ({@link LoopbackWarmUp}) so the JIT has compiled it before the first real call. Readiness stays DOWN until they are
 * done or {@link #timeout()} passed. 0 calls: no warm-up.
 */
public interface WarmUpSettings {

    /** Synthetic calls run side by side. */
    @WithDefault("20")
    int calls();

    /** 20 ms caller frames each synthetic call sends (1,500 = 30 s of audio). */
    @WithDefault("1500")
    int framesPerCall();

    /** Readiness goes UP after this long even if the warm-up has not finished (a slow node still takes calls). */
    @WithDefault("60s")
    Duration timeout();
}
