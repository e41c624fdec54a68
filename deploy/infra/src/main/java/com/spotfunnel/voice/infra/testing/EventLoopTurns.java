package com.spotfunnel.voice.infra.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A hand-driven event loop for unit tests of code that defers work to "after this turn" (Vert.x
 * {@code Context.runOnContext}): {@link #later} queues a task, {@link #end} runs what the turn left, in order.
 */
public final class EventLoopTurns {

    private final List<Runnable> queued = new ArrayList<>();

    /** Queues {@code task} for the end of the current turn. */
    public void later(Runnable task) {
        queued.add(task);
    }

    /** Ends the turn: runs every queued task (tasks they queue wait for the next turn). */
    public void end() {
        List<Runnable> tasks = new ArrayList<>(queued);
        queued.clear();
        tasks.forEach(Runnable::run);
    }
}
