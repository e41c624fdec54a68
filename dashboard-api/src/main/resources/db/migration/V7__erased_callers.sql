-- Callers an operator erased ("forget this number", CallerErased on call-events): their number is masked in
-- call_logs, and stays masked for calls of theirs projected later (a replay, a rebuild, a call that was still
-- going on). Only the SHA-256 of the number is kept.
CREATE TABLE dashboard.erased_callers (
    tenant_id     text        NOT NULL,
    caller_sha256 text        NOT NULL,
    erased_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, caller_sha256)
);
