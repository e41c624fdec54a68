package com.spotfunnel.voice.admin.config;

import io.smallrye.config.ConfigMapping;

/** The admin API's business settings ({@code admin.*}). */
@ConfigMapping(prefix = "admin")
public interface AdminConfig {

    /** The longest system prompt an operator may save. */
    int maxSystemPromptChars();
}
