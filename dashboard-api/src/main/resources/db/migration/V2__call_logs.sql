-- The read model projected from call-events. Everything in these three tables can be rebuilt from the
-- topic (TRUNCATE them and applied_events, reset the consumer group): nothing a person writes lives here.

-- One row per call. Each event type owns its own columns and carries its seq, so the final row is the same
-- whatever order the events arrive in and however often they are replayed.
CREATE TABLE dashboard.call_logs (
    call_id            text          PRIMARY KEY,
    tenant_id          text          NOT NULL,
    call_sid           text,
    caller_phone       text,
    dialed_number      text,
    direction          text,
    -- in_progress until CallEnded says completed | failed | transferred | abandoned
    status             text          NOT NULL DEFAULT 'in_progress',
    -- CallStarted's occurredAt; until it arrives, the earliest occurredAt seen for the call
    started_at         timestamptz   NOT NULL,
    ended_at           timestamptz,
    duration_seconds   bigint,
    ended_reason       text,
    summary            text,
    reason_for_calling text,
    outcome            text,
    captured_data      jsonb,
    requires_action    boolean       NOT NULL DEFAULT false,
    priority           text,
    transferred_to     text,
    transfer_outcome   text,
    fallback_played    boolean       NOT NULL DEFAULT false,
    stt_cost           numeric(14,6),
    llm_cost           numeric(14,6),
    tts_cost           numeric(14,6),
    total_cost         numeric(14,6),
    started_seq        bigint,
    ended_seq          bigint,
    analyzed_seq       bigint,
    transferred_seq    bigint,
    search_tsv         tsvector GENERATED ALWAYS AS (
        to_tsvector('english', coalesce(reason_for_calling, '') || ' ' || coalesce(summary, ''))) STORED
);

-- Every list starts with the tenant and (by default) the newest calls first.
CREATE INDEX call_logs_tenant_started ON dashboard.call_logs (tenant_id, started_at DESC, call_id DESC);
CREATE INDEX call_logs_tenant_status ON dashboard.call_logs (tenant_id, status, started_at DESC);
CREATE INDEX call_logs_tenant_outcome ON dashboard.call_logs (tenant_id, outcome, started_at DESC);
CREATE INDEX call_logs_tenant_action ON dashboard.call_logs (tenant_id, started_at DESC) WHERE requires_action;
CREATE INDEX call_logs_tenant_duration ON dashboard.call_logs (tenant_id, duration_seconds, call_id);
CREATE INDEX call_logs_tenant_phone ON dashboard.call_logs (tenant_id, caller_phone);
CREATE INDEX call_logs_search ON dashboard.call_logs USING gin (search_tsv);

-- The transcript: one row per turn, keyed by the turn's index within the call.
CREATE TABLE dashboard.call_turns (
    call_id     text    NOT NULL,
    turn_index  integer NOT NULL,
    tenant_id   text    NOT NULL,
    speaker     text    NOT NULL,
    text        text    NOT NULL,
    offset_ms   bigint  NOT NULL,
    duration_ms bigint  NOT NULL,
    interrupted boolean NOT NULL,
    seq         bigint  NOT NULL,
    text_tsv    tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    PRIMARY KEY (call_id, turn_index)
);
CREATE INDEX call_turns_search ON dashboard.call_turns USING gin (text_tsv);
CREATE INDEX call_turns_tenant ON dashboard.call_turns (tenant_id, call_id);

-- What each stage of each turn cost (CostRecorded), keyed by the event's position in the call.
CREATE TABLE dashboard.call_cost_items (
    call_id    text          NOT NULL,
    seq        bigint        NOT NULL,
    tenant_id  text          NOT NULL,
    turn_index integer       NOT NULL,
    stage      text          NOT NULL,
    provider   text,
    model      text,
    quantity   numeric(18,6),
    unit       text,
    cost_usd   numeric(14,6) NOT NULL,
    PRIMARY KEY (call_id, seq)
);

-- What people write. No foreign key to call_logs, so rebuilding the projection never touches these rows.

-- A call's follow-up: marked by a person (or flagged by the analysis) and resolved with a note.
CREATE TABLE dashboard.call_actions (
    call_id         text        PRIMARY KEY,
    tenant_id       text        NOT NULL,
    marked_by       text,
    marked_at       timestamptz,
    mark_note       text,
    resolved_by     text,
    resolved_at     timestamptz,
    resolution_note text
);
CREATE INDEX call_actions_tenant ON dashboard.call_actions (tenant_id);

-- Archived calls are hidden from lists unless asked for; unarchiving deletes the row.
CREATE TABLE dashboard.call_archive (
    call_id     text        PRIMARY KEY,
    tenant_id   text        NOT NULL,
    archived_by text        NOT NULL,
    archived_at timestamptz NOT NULL
);
CREATE INDEX call_archive_tenant ON dashboard.call_archive (tenant_id);
