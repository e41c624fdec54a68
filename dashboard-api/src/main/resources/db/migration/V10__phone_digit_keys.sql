-- Phone search answered from the tenant's own numbers (issue 15). The trigram index of V6 was led by tenant_id
-- (btree_gin), so every search read the tenant's whole posting list in it (~450 buffers on a 100,000-call tenant,
-- whether 13 calls matched or 1,189) as well as the trigram lists every tenant's numbers share ('555').
--
-- Instead each call's number gives one key per three-digit piece, prefixed with its tenant: 'acme:415', 'acme:155'.
-- A search for 5551234 asks for the calls holding all of 'acme:555', 'acme:551', 'acme:512', 'acme:123', 'acme:234';
-- GIN starts from the rarest of those lists, which holds only this tenant's calls. The keys are a superset test:
-- the query keeps `caller_digits LIKE '%digits%'` for the exact answer. A tenant id cannot end in ':ddd' ambiguously
-- (the piece is always the last three characters), so no two tenants share a key.
CREATE FUNCTION dashboard.caller_digit_keys(tenant text, digits text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT coalesce(array_agg(DISTINCT tenant || ':' || substr(digits, i, 3)), '{}')
            FROM generate_series(1, length(digits) - 2) AS i $$;

CREATE INDEX call_logs_caller_digit_keys ON dashboard.call_logs
    USING gin (dashboard.caller_digit_keys(tenant_id, caller_digits));
DROP INDEX dashboard.call_logs_tenant_digits;

-- The newest-first index also carries the digits, so a phone search can count the matches among the tenant's newest
-- calls with an index-only scan before it picks its plan (CallSql.PHONE_PROBE_WINDOW); the list reads it as before.
-- (Dropped and made again in this migration's one transaction: no list query runs without it in between.)
DROP INDEX dashboard.call_logs_tenant_started;
CREATE INDEX call_logs_tenant_started ON dashboard.call_logs (tenant_id, started_at DESC, call_id DESC)
    INCLUDE (caller_digits);
ANALYZE dashboard.call_logs;
