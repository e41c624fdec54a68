package com.spotfunnel.voice.dashboard.calls;

/** Whether archived calls are listed. */
public enum ArchivedFilter {
    EXCLUDE,
    INCLUDE,
    ONLY
}
