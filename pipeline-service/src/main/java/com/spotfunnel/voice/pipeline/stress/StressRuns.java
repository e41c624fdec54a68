package com.spotfunnel.voice.pipeline.stress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.spotfunnel.voice.events.serde.ContractJson;
import com.spotfunnel.voice.events.stress.StressTestRun;
import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Every run, in schema {@code pipeline} (table {@code stress_runs}): written when it starts, as each conversation
 * is judged and when it completes, so any pipeline pod answers for it. A write never goes back in time (fewer
 * conversations, or running after completed). Runs older than {@code pipeline.stress-test.keep-days} are deleted
 * when a new one starts.
 */
@ApplicationScoped
public class StressRuns {

    private static final Logger LOG = Logger.getLogger(StressRuns.class);

    private static final String SAVE = """
            INSERT INTO pipeline.stress_runs (run_id, tenant_id, status, completed, run, started_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, now())
            ON CONFLICT (run_id) DO UPDATE
               SET status = EXCLUDED.status, completed = EXCLUDED.completed, run = EXCLUDED.run, updated_at = now()
             WHERE stress_runs.status <> 'completed' AND stress_runs.completed <= EXCLUDED.completed""";

    private static final String GET = "SELECT run FROM pipeline.stress_runs WHERE run_id = $1";

    private static final String EXPIRE =
            "DELETE FROM pipeline.stress_runs WHERE started_at < now() - make_interval(days => $1)";

    private final Pool pool;
    private final int keepDays;

    public StressRuns(Pool pool, PipelineConfig config) {
        this.pool = pool;
        this.keepDays = config.stressTest().keepDays();
    }

    /** The new run, stored (so a GET on any pod finds it), after expired runs were deleted. */
    Uni<Void> add(StressRun run) {
        return pool.preparedQuery(EXPIRE).execute(Tuple.of(keepDays)).chain(() -> save(run.view()));
    }

    /** The run's current view; a failure is logged (the next write carries everything again). */
    Uni<Void> update(StressRun run) {
        StressTestRun view = run.view();
        return save(view).onFailure().recoverWithItem(e -> {
            LOG.warnf("Stress test %s: progress %s not stored: %s", view.id(), view.progress(), e.toString());
            return null;
        });
    }

    private Uni<Void> save(StressTestRun view) {
        JsonObject json;
        try {
            json = new JsonObject(ContractJson.mapper().writeValueAsString(view));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return pool.preparedQuery(SAVE)
                .execute(Tuple.tuple()
                        .addString(view.id())
                        .addString(view.tenantId())
                        .addString(view.status())
                        .addInteger(view.progress().completed())
                        .addValue(json)
                        .addValue(view.startedAt().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    Uni<Optional<StressTestRun>> get(String id) {
        return pool.preparedQuery(GET).execute(Tuple.of(id)).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            try {
                return Optional.of(ContractJson.mapper()
                        .readValue(it.next().getJsonObject("run").encode(), StressTestRun.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stress-test run " + id + " unreadable", e);
            }
        });
    }
}
