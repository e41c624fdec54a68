package com.spotfunnel.voice.admin.events;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.EventPayload;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.SystemError;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies one call event to the operator analytics, in one transaction with its {@code applied_events} row: a
 * replayed event changes nothing, and since every effect is an addition to a roll-up keyed by the event's own
 * day (UTC), the order events arrive in does not matter (CallAnalyzed may come before CallEnded).
 */
@ApplicationScoped
public class CallEventProjector {

    private final Pool pool;
    private final ProjectionRepository repository;

    public CallEventProjector(Pool pool, ProjectionRepository repository) {
        this.pool = pool;
        this.repository = repository;
    }

    /** Events this projection has nothing to do with are not even recorded. */
    public static boolean relevant(EventPayload payload) {
        return payload instanceof SystemError
                || payload instanceof ProviderFailed
                || payload instanceof CostRecorded
                || payload instanceof CallEnded
                || payload instanceof CallAnalyzed;
    }

    /**
     * Applies the events in order in one transaction; emits how many were not replays (events of no interest
     * here count as applied: there is nothing to do for them).
     */
    public Uni<Integer> projectAll(List<CallEvent> events) {
        List<CallEvent> relevant =
                events.stream().filter(e -> relevant(e.payload())).toList();
        int ignored = events.size() - relevant.size();
        if (relevant.isEmpty()) {
            return Uni.createFrom().item(ignored);
        }
        return pool.withTransaction(conn -> {
            Uni<Integer> applied = Uni.createFrom().item(ignored);
            for (CallEvent event : relevant) {
                applied = applied.flatMap(count -> repository
                        .markApplied(conn, event)
                        .flatMap(fresh -> fresh
                                ? apply(conn, event).replaceWith(count + 1)
                                : Uni.createFrom().item(count)));
            }
            return applied;
        });
    }

    private Uni<Void> apply(SqlClient conn, CallEvent event) {
        LocalDate day = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
        EventPayload payload = event.payload();
        if (payload instanceof SystemError error) {
            return repository.insertError(
                    conn,
                    event,
                    new ProjectionRepository.ErrorRow(
                            "SystemError",
                            Labels.normalise(error.errorType()),
                            lower(
                                    error.severity() == null
                                            ? "error"
                                            : error.severity().name()),
                            error.component(),
                            null,
                            null,
                            error.message(),
                            error.stackTrace(),
                            error.context()));
        }
        if (payload instanceof ProviderFailed failed) {
            // A failure someone else covered is a warning; one that left the stage without a provider is an error.
            String severity = failed.fallbackProvider() == null ? "error" : "warning";
            return repository.insertError(
                    conn,
                    event,
                    new ProjectionRepository.ErrorRow(
                            "ProviderFailed",
                            Labels.normalise(failed.errorType()),
                            severity,
                            "pipeline-service",
                            stage(failed.stage()),
                            failed.provider(),
                            failed.message(),
                            null,
                            failed.fallbackProvider() == null
                                    ? Map.of()
                                    : Map.of("fallbackProvider", failed.fallbackProvider())));
        }
        if (payload instanceof CostRecorded cost) {
            if (cost.costUsd() == null || cost.stage() == null) {
                return Uni.createFrom().voidItem();
            }
            return repository.addCost(
                    conn,
                    day,
                    event.tenantId(),
                    event.callId(),
                    stage(cost.stage()),
                    cost.provider() == null ? "unknown" : cost.provider(),
                    cost.costUsd());
        }
        if (payload instanceof CallEnded ended) {
            return repository
                    .firstForCall(conn, "ended_calls", event.callId())
                    .flatMap(first -> !first
                            ? Uni.createFrom().voidItem()
                            : repository.addEndedCall(
                                    conn,
                                    day,
                                    event.tenantId(),
                                    ended.status() == null
                                            ? "unknown"
                                            : lower(ended.status().name()),
                                    ended.durationSeconds()));
        }
        CallAnalyzed analyzed = (CallAnalyzed) payload;
        return repository
                .firstForCall(conn, "analyzed_calls", event.callId())
                .flatMap(first -> !first
                        ? Uni.createFrom().voidItem()
                        : repository.addAnalyzedCall(
                                conn,
                                day,
                                event.tenantId(),
                                Labels.normalise(analyzed.outcome()),
                                Labels.normalise(analyzed.reasonForCalling()),
                                analyzed.requiresAction()));
    }

    private static String stage(com.spotfunnel.voice.events.payload.Stage stage) {
        return stage == null ? null : lower(stage.name());
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
