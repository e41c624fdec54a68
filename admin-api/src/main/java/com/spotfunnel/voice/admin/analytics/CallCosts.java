package com.spotfunnel.voice.admin.analytics;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The cost of one call, from admin.call_costs (a few rows per call). */
@ApplicationScoped
public class CallCosts {

    private static final String SQL = """
            SELECT tenant_id, stage, provider, cost_usd, records FROM admin.call_costs
             WHERE call_id = $1 AND ($2::text IS NULL OR tenant_id = $2)
             ORDER BY tenant_id, stage, cost_usd DESC""";

    private final Pool pool;

    public CallCosts(Pool pool) {
        this.pool = pool;
    }

    /** Empty when no cost was recorded for the call (in that tenant, when one is given). */
    public Uni<Optional<CallCost>> of(String callId, String tenantId) {
        return pool.preparedQuery(SQL).execute(Tuple.of(callId, tenantId)).map(rows -> {
            List<CallCost.Item> items = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            String tenant = null;
            for (Row row : rows) {
                if (tenant == null) {
                    tenant = row.getString("tenant_id");
                } else if (!tenant.equals(row.getString("tenant_id"))) {
                    break; // a call id is one tenant's; another tenant's rows with the same id are not this call
                }
                BigDecimal usd = row.getBigDecimal("cost_usd");
                items.add(new CallCost.Item(
                        row.getString("stage"), row.getString("provider"), usd, row.getLong("records")));
                total = total.add(usd);
            }
            return tenant == null ? Optional.empty() : Optional.of(new CallCost(callId, tenant, total, items));
        });
    }
}
