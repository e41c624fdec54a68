package com.spotfunnel.voice.dashboard.projection;

import com.spotfunnel.voice.dashboard.config.DashboardConfig;
import com.spotfunnel.voice.support.startup.ProjectionWarmUp;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Warms the call projection before this instance reports ready: a freshly started JVM interprets it, and on a small
 * machine the first calls' events then cost the voice services CPU (docs/benchmarks/voice-load.md). At start the
 * events of {@code dashboard.warm-up.calls} synthetic calls go through the record codec and
 * {@link ProjectionWriter#applyAll(io.vertx.mutiny.sqlclient.SqlConnection, java.util.List)} in transactions that are
 * rolled back ({@link ProjectionWarmUp}): no call row, applied event or erasure of theirs remains.
 */
@ApplicationScoped
public class WarmUp {

    private final ProjectionWarmUp warmUp;

    public WarmUp(Pool pool, ProjectionWriter writer, DashboardConfig config) {
        this.warmUp = new ProjectionWarmUp(
                "dashboard-api",
                pool,
                config.warmUp().calls(),
                config.warmUp().timeout(),
                writer::applyAll,
                batch -> Uni.createFrom().voidItem());
    }

    void onStart(@Observes StartupEvent event) {
        warmUp.start();
    }

    /** True once the warm-up is over (done, failed or timed out), or when there is none. */
    public boolean finished() {
        return warmUp.finished();
    }

    /** Synthetic events projected (and rolled back) so far. */
    public long projected() {
        return warmUp.projected();
    }
}
