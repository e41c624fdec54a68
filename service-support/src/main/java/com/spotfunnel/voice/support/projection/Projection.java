package com.spotfunnel.voice.support.projection;

import com.spotfunnel.voice.events.CallEvent;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** What a service does with call events: its read model's writes. {@link ProjectionConsumer} does the rest. */
@FunctionalInterface
public interface Projection {

    /**
     * Applies the events in one transaction, idempotently (a replayed event changes nothing), and emits how many
     * were applied now; the others were replays or of no interest to this read model.
     */
    Uni<Integer> applyAll(List<CallEvent> events);
}
