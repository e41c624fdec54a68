package com.spotfunnel.voice.events.tenant;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * When the tenant's staff are available (for example to take transfers).
 *
 * @param timeZone an IANA zone id such as {@code America/New_York}
 */
public record BusinessHours(String timeZone, List<OpeningHours> weekly) {

    public BusinessHours {
        weekly = weekly == null ? List.of() : List.copyOf(weekly);
    }

    public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {}
}
