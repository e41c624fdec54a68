package com.spotfunnel.voice.support.projection;

import java.time.Duration;

/**
 * @param consumer            the consumer group, the {@code consumer} tag of {@code projection_records_parked_total}
 * @param meterPrefix         names the service's own meters, {@code <prefix>_projection_events_total{outcome}} and
 *                            {@code <prefix>_projection_retries_total}, as its dashboards and alerts know them
 * @param retryInitialBackoff first wait before a transient failure is retried (doubling, with jitter)
 * @param retryMaxBackoff     longest wait between retries
 */
public record ProjectionSettings(
        String consumer, String meterPrefix, Duration retryInitialBackoff, Duration retryMaxBackoff) {}
