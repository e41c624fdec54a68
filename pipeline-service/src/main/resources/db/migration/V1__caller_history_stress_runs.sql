-- pipeline-service's own schema: shared by every pipeline pod, read and written by no other service.

-- One row per analysed call of a known caller: what the agent is told when the same number calls the same
-- tenant again. The number itself is not stored, only its SHA-256 (CallerErased carries the same hash).
CREATE TABLE pipeline.caller_calls (
    call_id            text PRIMARY KEY,
    tenant_id          text        NOT NULL,
    caller_sha256      text        NOT NULL,
    occurred_at        timestamptz NOT NULL,
    summary            text,
    reason_for_calling text,
    outcome            text,
    requires_action    boolean     NOT NULL DEFAULT false
);
CREATE INDEX caller_calls_by_caller ON pipeline.caller_calls (tenant_id, caller_sha256, occurred_at DESC);
CREATE INDEX caller_calls_by_age ON pipeline.caller_calls (occurred_at);

-- Agent stress-test runs: the run's whole view (progress, conversations, summary) as JSON, rewritten as each
-- conversation finishes, so any pod answers GET /internal/stress-tests/{id}.
CREATE TABLE pipeline.stress_runs (
    run_id     text PRIMARY KEY,
    tenant_id  text        NOT NULL,
    status     text        NOT NULL,
    completed  integer     NOT NULL,
    run        jsonb       NOT NULL,
    started_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX stress_runs_by_age ON pipeline.stress_runs (started_at);
