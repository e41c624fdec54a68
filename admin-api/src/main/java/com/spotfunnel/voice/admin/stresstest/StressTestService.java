package com.spotfunnel.voice.admin.stresstest;

import com.spotfunnel.voice.admin.common.HttpProblem;
import com.spotfunnel.voice.admin.config.AdminConfig;
import com.spotfunnel.voice.admin.tenants.TenantRepository;
import com.spotfunnel.voice.events.stress.StressTestRequest;
import com.spotfunnel.voice.events.stress.StressTestRules;
import com.spotfunnel.voice.events.stress.StressTestRun;
import com.spotfunnel.voice.support.problem.InvalidInputException;
import com.spotfunnel.voice.support.problem.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Operators' stress tests: the request is checked here (the shared rules, and the tenant must exist), then the run
 * is started and read on pipeline-service, which does the work. A pipeline that cannot be reached, times out,
 * fails or whose breaker is open makes a 503; its refusals (4xx) are passed on.
 */
@ApplicationScoped
public class StressTestService {

    private static final Logger LOG = Logger.getLogger(StressTestService.class);

    private final PipelineStressClient pipeline;
    private final TenantRepository tenants;
    private final Pool pool;
    private final AdminConfig config;

    public StressTestService(PipelineStressClient pipeline, TenantRepository tenants, Pool pool, AdminConfig config) {
        this.pipeline = pipeline;
        this.tenants = tenants;
        this.pool = pool;
        this.config = config;
    }

    public Uni<StressTestRun> start(StressTestRequest request, String actor) {
        var limits = config.stressTest();
        var wrong = StressTestRules.check(
                request, limits.maxConversations(), limits.maxTurns(), config.maxSystemPromptChars());
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong.stream()
                    .map(v -> new Problem.FieldError(v.field(), v.message()))
                    .toList());
        }
        return tenants.find(pool, request.tenantId()).onItem().transformToUni(tenant -> {
            if (tenant.isEmpty()) {
                throw new InvalidInputException("tenantId", "no such tenant");
            }
            return unavailableAs503(pipeline.start(request))
                    .invoke(run -> LOG.infof(
                            "Stress test %s started by %s for tenant %s: %d conversations",
                            run.id(), actor, request.tenantId(), request.numConversations()));
        });
    }

    public Uni<StressTestRun> get(String id) {
        return unavailableAs503(pipeline.get(id));
    }

    private static Uni<StressTestRun> unavailableAs503(Uni<StressTestRun> call) {
        return call.onFailure(failure -> !(failure instanceof PipelineRefused)).transform(failure -> {
            LOG.warnf("pipeline-service unavailable for a stress test: %s", failure.toString());
            return new HttpProblem(
                    503,
                    "Service Unavailable",
                    "pipeline-service, which runs stress tests, is " + "unavailable ("
                            + failure.getClass().getSimpleName() + "); try again shortly",
                    null);
        });
    }
}
