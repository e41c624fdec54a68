package com.spotfunnel.voice.pipeline.provider;

import io.smallrye.mutiny.Multi;
import java.time.Duration;

/**
 * Failover on silence: a provider stream that started and then says nothing for longer than the stage's stall
 * deadline fails with {@code stall}, like any other provider failure, so the stage's resume policy hands the rest
 * to the next provider (livekit/agents #5660 is this fault: a stream that opens and then stalls).
 */
public final class Stalls {

    private Stalls() {}

    public static <T> Multi<T> guard(Multi<T> stream, Duration deadline, String provider) {
        return stream.ifNoItem()
                .after(deadline)
                .failWith(() -> new ProviderException(
                        "stall", provider + " said nothing for " + deadline.toMillis() + " ms mid-stream"));
    }
}
