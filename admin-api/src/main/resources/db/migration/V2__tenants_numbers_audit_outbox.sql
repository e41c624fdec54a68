-- Configuration: the source of truth for every tenant's agent. Owned by admin-api alone.

-- One row per tenant. version increases by one with every change to the tenant or its numbers; it is the
-- ETag of the REST resource and the version of the TenantConfig published on tenant-config.
CREATE TABLE admin.tenants (
    tenant_id  text        PRIMARY KEY,
    version    bigint      NOT NULL CHECK (version > 0),
    name       text        NOT NULL,
    industry   text,
    active     boolean     NOT NULL,
    -- the contract's AgentConfig, exactly as call-events' ContractJson writes it
    agent      jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- E.164 numbers; the primary key makes each number unique across all tenants.
CREATE TABLE admin.phone_numbers (
    number     text        PRIMARY KEY,
    tenant_id  text        NOT NULL REFERENCES admin.tenants (tenant_id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX phone_numbers_by_tenant ON admin.phone_numbers (tenant_id);

-- Who changed what and when: the whole published configuration before and after each change.
CREATE TABLE admin.audit_log (
    id         bigserial   PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    actor      text        NOT NULL,
    action     text        NOT NULL,
    tenant_id  text        NOT NULL,
    version    bigint,
    before     jsonb,
    after      jsonb
);
CREATE INDEX audit_log_by_tenant ON admin.audit_log (tenant_id, id);

-- Transactional outbox: written in the same transaction as the change, drained in id order to the
-- compacted tenant-config topic by one relay at a time (advisory lock). payload NULL = tombstone.
CREATE TABLE admin.tenant_config_outbox (
    id           bigserial   PRIMARY KEY,
    tenant_id    text        NOT NULL,
    version      bigint      NOT NULL,
    payload      text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX tenant_config_outbox_pending ON admin.tenant_config_outbox (id) WHERE published_at IS NULL;
