-- What one call cost, per stage and provider (CostRecorded summed per call): the console's "cost of one call".
-- Rebuilt from the topic like the daily roll-ups; a call's few rows are read by its id.
CREATE TABLE admin.call_costs (
    call_id   text    NOT NULL,
    tenant_id text    NOT NULL,
    stage     text    NOT NULL,                     -- stt | llm | tts
    provider  text    NOT NULL,
    cost_usd  numeric NOT NULL,
    records   bigint  NOT NULL,
    PRIMARY KEY (call_id, tenant_id, stage, provider)
);
