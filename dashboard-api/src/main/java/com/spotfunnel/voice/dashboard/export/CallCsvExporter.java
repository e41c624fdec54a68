package com.spotfunnel.voice.dashboard.export;

import com.spotfunnel.voice.dashboard.calls.CallFilter;
import com.spotfunnel.voice.dashboard.calls.CallRepository;
import com.spotfunnel.voice.dashboard.calls.CallSummary;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/** Streams a tenant's calls as CSV: a header line, then the rows in chunks of lines, never all in memory. */
@ApplicationScoped
public class CallCsvExporter {

    static final List<String> HEADER = List.of(
            "call_id",
            "started_at",
            "ended_at",
            "duration_seconds",
            "status",
            "caller_phone",
            "direction",
            "reason_for_calling",
            "outcome",
            "summary",
            "requires_action",
            "priority",
            "archived",
            "total_cost_usd",
            "call_sid");
    private static final int LINES_PER_CHUNK = 200;

    private final CallRepository calls;

    public CallCsvExporter(CallRepository calls) {
        this.calls = calls;
    }

    public Multi<String> export(CallFilter filter) {
        Multi<String> rows = calls.stream(filter)
                .map(CallCsvExporter::line)
                .group()
                .intoLists()
                .of(LINES_PER_CHUNK)
                .map(lines -> String.join("", lines));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(Csv.line(HEADER)), rows);
    }

    static String line(CallSummary c) {
        return Csv.line(Arrays.asList(
                c.callId(),
                c.startedAt(),
                c.endedAt(),
                c.durationSeconds(),
                c.status(),
                c.callerPhone(),
                c.direction(),
                c.reasonForCalling(),
                c.outcome(),
                c.summary(),
                c.requiresAction(),
                c.priority(),
                c.archived(),
                c.totalCost() == null ? null : c.totalCost().toPlainString(),
                c.callSid()));
    }
}
