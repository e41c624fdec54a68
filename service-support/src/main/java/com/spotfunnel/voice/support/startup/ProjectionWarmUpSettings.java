package com.spotfunnel.voice.support.startup;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The start-up warm-up of a service projecting {@code call-events} ({@link ProjectionWarmUp}), a group of its config
 * mapping ({@code admin.warm-up}, {@code dashboard.warm-up}; env {@code PROJECTION_WARM_UP_*}). 0 calls: no warm-up.
 */
public interface ProjectionWarmUpSettings {

    /** Synthetic calls whose events are projected (and rolled back) before readiness goes UP. */
    @WithDefault("200")
    int calls();

    /** Readiness goes UP after this long even if the warm-up has not finished. */
    @WithDefault("60s")
    Duration timeout();
}
