package com.spotfunnel.voice.dashboard.support;

import com.spotfunnel.voice.infra.testing.PrometheusMetrics;

/** Reads one sample from /q/metrics. */
public final class Metrics {

    private Metrics() {}

    /** The value of the sample line starting with {@code series} (name and labels), or 0 when absent. */
    public static double value(String series) {
        return PrometheusMetrics.value(series);
    }
}
