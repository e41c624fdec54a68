package com.spotfunnel.voice.dashboard.calls;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The query parameters shared by the call list and the CSV export. All are read as text and checked by
 * {@link CallFilterParser}, so a bad value is a 400 naming the parameter, never a 404 or a 500.
 */
public class CallQueryParams {

    @RestQuery
    @Parameter(description = "Admins only: the tenant to show. Customers see their own tenant.")
    public String tenantId;

    @RestQuery
    @Parameter(description = "Calls started at or after: ISO date (2026-11-01, UTC) or instant (2026-11-01T08:00:00Z)")
    public String from;

    @RestQuery
    @Parameter(description = "Calls started before: ISO date (exclusive of the next day, UTC) or instant")
    public String to;

    @RestQuery
    @Parameter(description = "Comma-separated: in_progress, completed, failed, transferred, abandoned")
    public String status;

    @RestQuery
    @Parameter(description = "The analysis outcome label, such as appointment_booked")
    public String outcome;

    @RestQuery
    @Parameter(description = "true: only calls with an open action item; false: only calls without")
    public String requiresAction;

    @RestQuery
    @Parameter(description = "exclude (default), include or only")
    public String archived;

    @RestQuery
    @Parameter(description = "Search: caller phone digits, reason for calling, summary and transcript (full text)")
    public String q;

    @RestQuery
    @Parameter(description = "-startedAt (default), startedAt, -duration or duration")
    public String sort;

    @RestQuery
    @Parameter(description = "The nextCursor of the previous page")
    public String cursor;

    @RestQuery
    @Parameter(description = "Page size, 1 to dashboard.max-page-size (larger values are capped)")
    public String limit;
}
