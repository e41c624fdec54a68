-- Schema admin is owned by admin-api alone; no other service reads or writes it.
-- Which events this service has applied, so a replayed record changes nothing.
CREATE TABLE admin.applied_events (
    event_id   uuid        PRIMARY KEY,
    call_id    text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
