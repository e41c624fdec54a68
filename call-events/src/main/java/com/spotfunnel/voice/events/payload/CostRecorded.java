package com.spotfunnel.voice.events.payload;

import java.math.BigDecimal;

/**
 * What one stage of one turn cost.
 *
 * @param turnIndex the turn it belongs to
 * @param model     the provider's model or voice, when it affects the price
 * @param quantity  how much was used, in {@code unit}
 * @param unit      {@code audio_seconds}, {@code prompt_tokens}, {@code completion_tokens} or {@code characters}
 * @param costUsd   the price of it, in US dollars
 */
public record CostRecorded(
        int turnIndex, Stage stage, String provider, String model, BigDecimal quantity, String unit, BigDecimal costUsd)
        implements EventPayload {}
