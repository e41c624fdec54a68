-- Schema dashboard is owned by dashboard-api alone; no other service reads or writes it.
-- Which events this service has applied, so a replayed record changes nothing.
CREATE TABLE dashboard.applied_events (
    event_id   uuid        PRIMARY KEY,
    call_id    text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
