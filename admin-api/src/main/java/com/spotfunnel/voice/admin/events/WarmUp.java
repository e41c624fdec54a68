package com.spotfunnel.voice.admin.events;

import com.spotfunnel.voice.admin.config.AdminConfig;
import com.spotfunnel.voice.admin.knowledge.KnowledgeService;
import com.spotfunnel.voice.support.startup.ProjectionWarmUp;
import com.spotfunnel.voice.support.startup.SyntheticCallEvents;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warms what every call costs admin-api before this instance reports ready: a freshly started JVM interprets it, and
 * on a small machine the first calls then wait on the knowledge search and cost the voice services CPU
 * (docs/benchmarks/voice-load.md). At start the events of {@code admin.warm-up.calls} synthetic calls go through the
 * record codec and {@link CallEventProjector#projectAll(io.vertx.mutiny.sqlclient.SqlClient, java.util.List)} in
 * transactions that are rolled back ({@link ProjectionWarmUp}), and next to each batch a few knowledge searches run
 * for the synthetic tenant, which has no knowledge (read only). Nothing of the warm-up remains.
 */
@ApplicationScoped
public class WarmUp {

    private static final String[] QUESTIONS = {
        "do you take my insurance", "opening hours on saturday", "book a cleaning next tuesday", "price of a check-up"
    };

    private final ProjectionWarmUp warmUp;
    private final AtomicLong searches = new AtomicLong();

    public WarmUp(Pool pool, CallEventProjector projector, KnowledgeService knowledge, AdminConfig config) {
        this.warmUp = new ProjectionWarmUp(
                "admin-api",
                pool,
                config.warmUp().calls(),
                config.warmUp().timeout(),
                projector::projectAll,
                batch -> knowledge
                        .search(SyntheticCallEvents.TENANT, null, QUESTIONS[batch % QUESTIONS.length], 3)
                        .invoke(ignored -> searches.incrementAndGet()));
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

    /** Knowledge searches the warm-up ran so far. */
    public long searches() {
        return searches.get();
    }
}
