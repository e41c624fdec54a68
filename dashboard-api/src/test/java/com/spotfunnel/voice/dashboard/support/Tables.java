package com.spotfunnel.voice.dashboard.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Reads and changes the dashboard schema directly (JDBC), to compare table contents. */
public final class Tables {

    private Tables() {}

    /**
     * Every projected row of a call, as JSON text in a fixed order, without the call id (so two calls can be
     * compared) and without applied_events (which records deliveries, not the call).
     */
    public static String projectionOf(DataSource db, String callId) {
        return query(db, """
                SELECT concat_ws(E'\\n',
                  (SELECT (to_jsonb(c) - 'call_id' - 'call_sid')::text FROM dashboard.call_logs c WHERE call_id = ?),
                  (SELECT string_agg((to_jsonb(t) - 'call_id')::text, E'\\n' ORDER BY turn_index)
                     FROM dashboard.call_turns t WHERE call_id = ?),
                  (SELECT string_agg((to_jsonb(k) - 'call_id')::text, E'\\n' ORDER BY seq)
                     FROM dashboard.call_cost_items k WHERE call_id = ?))""", callId, callId, callId);
    }

    /** Every row of the projection and person-written tables of a tenant, as text, for before/after checks. */
    public static String everythingOf(DataSource db, String tenantId) {
        StringBuilder all = new StringBuilder();
        for (String table :
                new String[] {"call_logs", "call_turns", "call_cost_items", "call_actions", "call_archive"}) {
            all.append(table)
                    .append(":\n")
                    .append(query(
                            db,
                            "SELECT coalesce(string_agg(to_jsonb(t)::text, E'\\n' "
                                    + "ORDER BY to_jsonb(t)::text), '') FROM dashboard." + table
                                    + " t WHERE tenant_id = ?",
                            tenantId))
                    .append('\n');
        }
        return all.toString();
    }

    public static long count(DataSource db, String sql, String arg) {
        return Long.parseLong(query(db, sql, arg));
    }

    public static void execute(DataSource db, String sql) {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String query(DataSource db, String sql, String... args) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
