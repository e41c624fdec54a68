-- Bulk-loads the dashboard read model for the API benchmark, straight into PostgreSQL (the projection's
-- own speed is measured separately by bench-projection): 1,000,000 calls for 1,000 tenants — tenant
-- `bench-big` holds 100,000 of them (the CSV export case), `bench-t0` … `bench-t998` share the other 900,000 —
-- each with two transcript turns, spread over 90 days. Run with: psql -d "$BENCH_DB" -f load.sql
\timing on
INSERT INTO dashboard.call_logs (call_id, tenant_id, call_sid, caller_phone, dialed_number, direction, status,
        started_at, ended_at, duration_seconds, ended_reason, summary, reason_for_calling, outcome, captured_data,
        requires_action, priority, stt_cost, llm_cost, tts_cost, total_cost, started_seq, ended_seq, analyzed_seq)
SELECT 'bench-' || g,
       CASE WHEN g <= 100000 THEN 'bench-big' ELSE 'bench-t' || (g % 999) END,
       'CA' || md5(g::text),
       '+1555' || lpad(((g * 7919) % 10000000)::text, 7, '0'),
       '+15559990000', 'inbound',
       (ARRAY['completed', 'failed', 'transferred', 'abandoned', 'completed', 'completed'])[1 + (g * 31) % 6],
       timestamptz '2026-08-01 00:00:00+00' + ((g * 104729) % (90 * 86400)) * interval '1 second',
       timestamptz '2026-08-01 00:00:00+00' + ((g * 104729) % (90 * 86400) + 20 + g % 400) * interval '1 second',
       20 + g % 400, 'caller_hangup',
       'Caller asked about ' || (ARRAY['a cleaning', 'an invoice', 'a leak', 'opening hours', 'a quote'])[1 + g % 5],
       (ARRAY['Book a cleaning', 'Billing question', 'Emergency leak', 'Opening hours', 'Quote for roof repair',
              'Reschedule appointment', 'Cancel booking'])[1 + (g * 13) % 7],
       (ARRAY['appointment_booked', 'question_answered', 'callback_requested', 'transferred',
              'no_resolution'])[1 + (g * 17) % 5],
       jsonb_build_object('name', 'Caller ' || g),
       (g % 5 = 0), (ARRAY['low', 'medium', 'high'])[1 + g % 3],
       0.01, 0.02, 0.003, 0.033, 0, 10, 11
  FROM generate_series(1::bigint, 1000000) AS g;

INSERT INTO dashboard.call_turns (call_id, turn_index, tenant_id, speaker, text, offset_ms, duration_ms, interrupted, seq)
SELECT c.call_id, t.i, c.tenant_id, CASE WHEN t.i = 0 THEN 'agent' ELSE 'caller' END,
       CASE WHEN t.i = 0 THEN 'Thanks for calling, how can I help?'
            ELSE (ARRAY['appointment', 'tuesday', 'invoice', 'leak', 'kitchen', 'dentist', 'quote', 'roof',
                        'tomorrow', 'insurance', 'urgent', 'weekend'])[1 + (hashtext(c.call_id) & 2147483647) % 12]
                 || ' please, about my ' || lower(c.reason_for_calling) END,
       5000 * t.i, 4000, false, 1 + t.i
  FROM dashboard.call_logs c CROSS JOIN generate_series(0, 1) AS t(i)
 WHERE c.call_id LIKE 'bench-%';

-- What the projection keeps for every call (migration V6): the transcript as one search vector.
UPDATE dashboard.call_logs c SET transcript_tsv = t.tsv
  FROM (SELECT call_id, to_tsvector('english', string_agg(text, ' ' ORDER BY turn_index)) AS tsv
          FROM dashboard.call_turns WHERE call_id LIKE 'bench-%' GROUP BY call_id) t
 WHERE c.call_id = t.call_id;

-- The UPDATE above left a dead version of every call and the GIN indexes' pending lists full: VACUUM now, so the
-- benchmark does not run while autovacuum does (or not) and index-only scans see all-visible pages.
VACUUM (ANALYZE) dashboard.call_logs;
VACUUM (ANALYZE) dashboard.call_turns;
SELECT count(*) AS calls, count(DISTINCT tenant_id) AS tenants FROM dashboard.call_logs WHERE call_id LIKE 'bench-%';
