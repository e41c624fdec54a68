package com.spotfunnel.voice.dashboard.actions;

/** The body of marking or resolving an action item. */
public record NoteRequest(String note) {}
