package com.spotfunnel.voice.pipeline.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One knowledge chunk as admin-api's search returns it (best first); only what the prompt needs is read. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Passage(String documentTitle, String content, double rank) {}
