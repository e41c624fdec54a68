package com.spotfunnel.voice.dashboard.calls;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The call list (keyset pages) and a call's detail, within the caller's tenant. */
@ApplicationScoped
public class CallService {

    private final CallRepository calls;

    public CallService(CallRepository calls) {
        this.calls = calls;
    }

    public Uni<CallPage> page(CallFilter filter) {
        return calls.page(filter).map(rows -> {
            if (rows.size() <= filter.limit()) {
                return new CallPage(rows, null, filter.limit());
            }
            List<CallSummary> items = rows.subList(0, filter.limit());
            if (filter.sort() == CallSort.RELEVANCE) {
                return new CallPage(List.copyOf(items), null, filter.limit());
            }
            CallSummary last = items.get(items.size() - 1);
            return new CallPage(
                    List.copyOf(items), cursorAfter(filter.sort(), last).encode(), filter.limit());
        });
    }

    /** The call, or 404 when it does not exist in this tenant (whether or not another tenant has it). */
    public Uni<CallDetail> detail(String tenantId, String callId) {
        return calls.detail(tenantId, callId).map(found -> found.orElseThrow(CallService::notFound));
    }

    public static NotFoundException notFound() {
        return new NotFoundException("No such call");
    }

    static Cursor cursorAfter(CallSort sort, CallSummary last) {
        long key = sort.numeric()
                ? (last.durationSeconds() == null ? -1 : last.durationSeconds())
                : ChronoUnit.MICROS.between(Instant.EPOCH, last.startedAt());
        return new Cursor(sort, key, last.callId());
    }
}
