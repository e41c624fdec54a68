package com.spotfunnel.voice.admin.analytics;

import com.spotfunnel.voice.admin.common.Actor;
import com.spotfunnel.voice.admin.common.HttpProblem;
import com.spotfunnel.voice.admin.config.AdminConfig;
import com.spotfunnel.voice.support.input.QueryValues;
import com.spotfunnel.voice.support.problem.InvalidInputException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Operator analytics across every tenant (or one, with {@code tenantId}), over a range of UTC days
 * ({@code from}, {@code to}, inclusive; default the last 30 days).
 */
@Path("/analytics")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

    private static final int MAX_CALL_ID_LENGTH = 200;
    private static final Set<String> SEVERITIES = Set.of("warning", "error", "critical");

    private final CostAnalytics costs;
    private final CallCosts callCosts;
    private final IntelligenceAnalytics intelligence;
    private final SystemErrors errors;
    private final ParkedEvents parked;
    private final AdminConfig config;
    private final SecurityIdentity identity;

    public AnalyticsResource(
            CostAnalytics costs,
            CallCosts callCosts,
            IntelligenceAnalytics intelligence,
            SystemErrors errors,
            ParkedEvents parked,
            AdminConfig config,
            SecurityIdentity identity) {
        this.costs = costs;
        this.callCosts = callCosts;
        this.intelligence = intelligence;
        this.errors = errors;
        this.parked = parked;
        this.config = config;
        this.identity = identity;
    }

    /** Costs by day, stage and provider, and tenant; total = stt + llm + tts. */
    @GET
    @Path("/costs")
    public Uni<CostReport> costs(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tenantId") String tenantId) {
        return costs.report(range(from, to), blankToNull(tenantId));
    }

    /** The cost of one call per stage and provider; 404 when none was recorded (in that tenant, if given). */
    @GET
    @Path("/costs/calls/{callId}")
    public Uni<CallCost> callCost(@PathParam("callId") String callId, @QueryParam("tenantId") String tenantId) {
        if (callId.length() > MAX_CALL_ID_LENGTH) {
            throw new InvalidInputException("callId", "at most " + MAX_CALL_ID_LENGTH + " characters");
        }
        return callCosts
                .of(callId, blankToNull(tenantId))
                .map(cost -> cost.orElseThrow(() -> HttpProblem.notFound("a recorded cost of call " + callId)));
    }

    /** Outcome distribution, reason taxonomy, action-required rate; per tenant and overall. */
    @GET
    @Path("/intelligence")
    public Uni<IntelligenceReport> intelligence(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tenantId") String tenantId) {
        return intelligence.report(range(from, to), blankToNull(tenantId));
    }

    /** System errors grouped by type and severity; only groups with open occurrences unless includeResolved. */
    @GET
    @Path("/errors")
    public Uni<List<SystemErrors.ErrorGroup>> errorGroups(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("tenantId") String tenantId,
            @QueryParam("includeResolved") String includeResolved) {
        return errors.groups(
                range(from, to), blankToNull(tenantId), QueryValues.bool("includeResolved", includeResolved, false));
    }

    /** The occurrences themselves, newest first, with message, stack trace and context. */
    @GET
    @Path("/errors/occurrences")
    public Uni<List<SystemErrors.Occurrence>> occurrences(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("tenantId") String tenantId,
            @QueryParam("type") String type,
            @QueryParam("severity") String severity,
            @QueryParam("includeResolved") String includeResolved,
            @QueryParam("limit") String limit) {
        return errors.occurrences(
                range(from, to),
                blankToNull(tenantId),
                blankToNull(type),
                severity(severity, false),
                QueryValues.bool("includeResolved", includeResolved, false),
                QueryValues.integer("limit", limit, 100, 1, 1000));
    }

    @POST
    @Path("/errors/occurrences/{id}/resolve")
    public Uni<Map<String, Object>> resolve(@PathParam("id") String id) {
        UUID eventId;
        try {
            eventId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("id", "must be an error id (a UUID)");
        }
        return errors.resolve(eventId, Actor.of(identity)).map(found -> {
            if (!found) {
                throw HttpProblem.notFound("error " + id);
            }
            return Map.of("id", eventId, "resolved", true);
        });
    }

    /** Resolves every open occurrence of one group (type + severity), optionally of one tenant. */
    @POST
    @Path("/errors/resolve")
    public Uni<Map<String, Object>> resolveGroup(
            @QueryParam("type") String type,
            @QueryParam("severity") String severity,
            @QueryParam("tenantId") String tenantId) {
        if (type == null || type.isBlank()) {
            throw new InvalidInputException("type", "is required");
        }
        String level = severity(severity, true);
        return errors.resolveGroup(type, level, blankToNull(tenantId), Actor.of(identity))
                .map(count -> Map.of("type", type, "severity", level, "resolved", count));
    }

    /**
     * The call-events records the analytics projection could not apply (undecodable, refused by PostgreSQL as
     * data, or failing our code), newest first: parked instead of blocking the topic (docs/admin-api.md).
     */
    @GET
    @Path("/parked-events")
    public Uni<List<ParkedEvents.ParkedEvent>> parkedEvents(@QueryParam("limit") String limit) {
        return parked.newest(QueryValues.integer("limit", limit, 100, 1, 1000));
    }

    private DateRange range(String from, String to) {
        return DateRange.parse(from, to, config.analytics().maxRangeDays());
    }

    private static String severity(String severity, boolean required) {
        if (severity == null || severity.isBlank()) {
            if (required) {
                throw new InvalidInputException("severity", "is required");
            }
            return null;
        }
        if (!SEVERITIES.contains(severity)) {
            throw new InvalidInputException("severity", "must be one of warning, error, critical");
        }
        return severity;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
