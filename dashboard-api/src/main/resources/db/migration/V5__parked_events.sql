-- call-events records the projection cannot apply (undecodable, refused by PostgreSQL as data, or failing our
-- code), parked for an operator instead of blocking the partition. One row per record; a replay parks nothing new.
CREATE TABLE dashboard.parked_events (
    topic           text        NOT NULL,
    kafka_partition integer     NOT NULL,
    kafka_offset    bigint      NOT NULL,
    record_key      text,
    raw_value       bytea,
    reason          text        NOT NULL,
    error           text,
    event_id        uuid,
    event_type      text,
    tenant_id       text,
    call_id         text,
    first_seen_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, kafka_partition, kafka_offset)
);

CREATE INDEX parked_events_by_time ON dashboard.parked_events (first_seen_at DESC);
