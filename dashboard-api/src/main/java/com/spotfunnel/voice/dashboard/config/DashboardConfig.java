package com.spotfunnel.voice.dashboard.config;

import io.smallrye.config.ConfigMapping;

/** The dashboard API's business settings ({@code dashboard.*}). */
@ConfigMapping(prefix = "dashboard")
public interface DashboardConfig {

    /** The largest page a list request may ask for. */
    int maxPageSize();
}
