-- Operator analytics, projected from call-events (consumer group admin-api). Every table here except
-- error_resolutions can be rebuilt from the topic; error_resolutions is what operators write, so a rebuild
-- never erases it. Each event's effect is written in the same transaction as its admin.applied_events row.

-- Every SystemError and ProviderFailed, one row per event.
CREATE TABLE admin.system_errors (
    event_id    uuid        PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    tenant_id   text        NOT NULL,
    call_id     text        NOT NULL,
    source      text        NOT NULL,               -- SystemError | ProviderFailed
    error_type  text        NOT NULL,
    severity    text        NOT NULL,               -- warning | error | critical
    component   text,
    stage       text,
    provider    text,
    message     text,
    stack_trace text,
    context     jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX system_errors_by_group ON admin.system_errors (error_type, severity, occurred_at DESC);
CREATE INDEX system_errors_by_tenant ON admin.system_errors (tenant_id, occurred_at DESC);
CREATE INDEX system_errors_by_time ON admin.system_errors (occurred_at DESC);

-- Written by operators ("resolved"), never by the projection.
CREATE TABLE admin.error_resolutions (
    event_id    uuid        PRIMARY KEY,
    resolved_by text        NOT NULL,
    resolved_at timestamptz NOT NULL DEFAULT now()
);

-- Daily roll-up of CostRecorded: analytics read these, never the events.
CREATE TABLE admin.cost_daily (
    day       date    NOT NULL,
    tenant_id text    NOT NULL,
    stage     text    NOT NULL,                     -- stt | llm | tts
    provider  text    NOT NULL,
    cost_usd  numeric NOT NULL,
    records   bigint  NOT NULL,
    PRIMARY KEY (day, tenant_id, stage, provider)
);

-- Each call counted once, whatever the number of CallEnded/CallAnalyzed events it got.
CREATE TABLE admin.ended_calls (
    call_id text PRIMARY KEY
);
CREATE TABLE admin.analyzed_calls (
    call_id text PRIMARY KEY
);

-- Daily roll-up of CallEnded.
CREATE TABLE admin.calls_daily (
    day              date   NOT NULL,
    tenant_id        text   NOT NULL,
    status           text   NOT NULL,
    calls            bigint NOT NULL,
    duration_seconds bigint NOT NULL,
    PRIMARY KEY (day, tenant_id, status)
);

-- Daily roll-up of CallAnalyzed: outcome and reason taxonomy (normalised labels), action required.
CREATE TABLE admin.intelligence_daily (
    day             date   NOT NULL,
    tenant_id       text   NOT NULL,
    outcome         text   NOT NULL,
    reason          text   NOT NULL,
    calls           bigint NOT NULL,
    action_required bigint NOT NULL,
    PRIMARY KEY (day, tenant_id, outcome, reason)
);
