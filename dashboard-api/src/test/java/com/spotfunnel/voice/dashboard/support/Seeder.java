package com.spotfunnel.voice.dashboard.support;

import com.spotfunnel.voice.dashboard.projection.ProjectionWriter;
import com.spotfunnel.voice.events.CallEvent;
import java.time.Duration;

/** Writes calls straight through the projection (no broker), for tests about the API rather than Kafka. */
public final class Seeder {

    private Seeder() {}

    public static Calls seed(ProjectionWriter writer, Calls call) {
        for (CallEvent event : call.events()) {
            writer.apply(event).await().atMost(Duration.ofSeconds(10));
        }
        return call;
    }
}
