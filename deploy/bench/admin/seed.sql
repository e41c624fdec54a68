-- The admin analytics benchmark's data: CALLS synthetic calls (psql variable `calls`, default 1,000,000) over the
-- 365 days up to 2025-12-31 and 200 tenants, written as exactly the rows the projection writes for them
-- (cost_daily, calls_daily, intelligence_daily, ended_calls, analyzed_calls; applied_events is needed by no query)
-- plus one SystemError per 10 calls, then the roll-ups across tenants as V8 back-fills them. Replaces what the
-- analytics tables held. Used by bench-api (psql -v calls=N -f seed.sql) and by AnalyticsBenchmarkTest (which
-- substitutes :calls and runs the statements one by one: one statement per `;` at a line's end).
\if :{?calls}
\else
\set calls 1000000
\endif
TRUNCATE admin.cost_daily, admin.calls_daily, admin.intelligence_daily, admin.ended_calls, admin.analyzed_calls,
    admin.system_errors, admin.error_resolutions, admin.cost_daily_all, admin.cost_daily_tenant, admin.calls_daily_all,
    admin.intelligence_daily_all, admin.intelligence_daily_tenant;
-- One synthetic call: its tenant, its day, its status/outcome/reason and costs, all derived from its number.
CREATE TEMPORARY VIEW bench_calls AS
SELECT g, 'bench-t' || (g % 200) AS tenant, DATE '2025-12-31' - (g % 365) AS day,
       (ARRAY['completed','completed','completed','transferred','failed','abandoned'])[1 + g % 6] AS status,
       (ARRAY['appointment_booked','question_answered','callback_requested','transferred','no_resolution'])[1 + g % 5] AS outcome,
       'reason_' || (g % 12) AS reason, (g % 3 = 0) AS action,
       (ARRAY['deepgram','simulated'])[1 + g % 2] AS stt, (ARRAY['openai','gemini','simulated'])[1 + g % 3] AS llm,
       (ARRAY['cartesia','elevenlabs','simulated'])[1 + g % 3] AS tts
FROM generate_series(1, :calls) AS g;
INSERT INTO admin.ended_calls SELECT 'bench-call-' || g FROM bench_calls;
INSERT INTO admin.analyzed_calls SELECT 'bench-call-' || g FROM bench_calls;
INSERT INTO admin.calls_daily SELECT day, tenant, status, count(*), sum(60 + g % 240) FROM bench_calls
    GROUP BY day, tenant, status;
INSERT INTO admin.intelligence_daily SELECT day, tenant, outcome, reason, count(*), count(*) FILTER (WHERE action)
    FROM bench_calls GROUP BY day, tenant, outcome, reason;
INSERT INTO admin.cost_daily SELECT day, tenant, stage, provider, sum(usd), count(*) FROM (
    SELECT day, tenant, 'stt' AS stage, stt AS provider, 0.0043 * (1 + g % 5) AS usd FROM bench_calls
    UNION ALL SELECT day, tenant, 'llm', llm, 0.0021 * (1 + g % 7) FROM bench_calls
    UNION ALL SELECT day, tenant, 'tts', tts, 0.0150 * (1 + g % 3) FROM bench_calls
) s GROUP BY day, tenant, stage, provider;
INSERT INTO admin.system_errors (event_id, occurred_at, tenant_id, call_id, source, error_type, severity, component,
        message, context)
SELECT gen_random_uuid(), day + time '10:00' + (g % 3600) * interval '1 second', tenant, 'bench-call-' || g,
       'SystemError', (ARRAY['all_llm_failed','pipeline_disconnected','unknown_number','twilio_update_failed'])[1 + g % 4],
       (ARRAY['warning','error','critical'])[1 + g % 3], 'pipeline-service', 'synthetic failure ' || g, '{}'::jsonb
FROM bench_calls WHERE g % 10 = 0;
DROP VIEW bench_calls;
-- The roll-ups across tenants, exactly as V8 back-fills them (and the projection keeps them).
INSERT INTO admin.cost_daily_all SELECT day, stage, provider, sum(cost_usd), sum(records) FROM admin.cost_daily
    GROUP BY 1, 2, 3;
INSERT INTO admin.cost_daily_tenant SELECT day, tenant_id, stage, sum(cost_usd) FROM admin.cost_daily GROUP BY 1, 2, 3;
INSERT INTO admin.calls_daily_all SELECT day, status, sum(calls) FROM admin.calls_daily GROUP BY 1, 2;
INSERT INTO admin.intelligence_daily_all SELECT day, outcome, reason, sum(calls) FROM admin.intelligence_daily
    GROUP BY 1, 2, 3;
INSERT INTO admin.intelligence_daily_tenant SELECT day, tenant_id, sum(calls), sum(action_required)
    FROM admin.intelligence_daily GROUP BY 1, 2;
-- VACUUM too, as autovacuum would have long since: index-only scans (V14's covering index) need the visibility map.
VACUUM (ANALYZE) admin.cost_daily_all, admin.cost_daily_tenant, admin.calls_daily_all, admin.intelligence_daily_all,
    admin.intelligence_daily_tenant, admin.cost_daily, admin.calls_daily, admin.intelligence_daily, admin.system_errors;
