-- Roll-ups across tenants, so reports over all tenants read a few hundred rows instead of one per tenant.
-- Written by the projection in the same statement as the per-tenant roll-ups; back-filled here.
CREATE TABLE admin.cost_daily_all (
    day      date    NOT NULL,
    stage    text    NOT NULL,
    provider text    NOT NULL,
    cost_usd numeric NOT NULL,
    records  bigint  NOT NULL,
    PRIMARY KEY (day, stage, provider)
);
CREATE TABLE admin.cost_daily_tenant (
    day       date    NOT NULL,
    tenant_id text    NOT NULL,
    stage     text    NOT NULL,
    cost_usd  numeric NOT NULL,
    PRIMARY KEY (day, tenant_id, stage)
);
CREATE TABLE admin.calls_daily_all (
    day    date   NOT NULL,
    status text   NOT NULL,
    calls  bigint NOT NULL,
    PRIMARY KEY (day, status)
);
CREATE TABLE admin.intelligence_daily_all (
    day     date   NOT NULL,
    outcome text   NOT NULL,
    reason  text   NOT NULL,
    calls   bigint NOT NULL,
    PRIMARY KEY (day, outcome, reason)
);
CREATE TABLE admin.intelligence_daily_tenant (
    day             date   NOT NULL,
    tenant_id       text   NOT NULL,
    calls           bigint NOT NULL,
    action_required bigint NOT NULL,
    PRIMARY KEY (day, tenant_id)
);

INSERT INTO admin.cost_daily_all SELECT day, stage, provider, sum(cost_usd), sum(records) FROM admin.cost_daily GROUP BY 1, 2, 3;
INSERT INTO admin.cost_daily_tenant SELECT day, tenant_id, stage, sum(cost_usd) FROM admin.cost_daily GROUP BY 1, 2, 3;
INSERT INTO admin.calls_daily_all SELECT day, status, sum(calls) FROM admin.calls_daily GROUP BY 1, 2;
INSERT INTO admin.intelligence_daily_all SELECT day, outcome, reason, sum(calls) FROM admin.intelligence_daily GROUP BY 1, 2, 3;
INSERT INTO admin.intelligence_daily_tenant SELECT day, tenant_id, sum(calls), sum(action_required) FROM admin.intelligence_daily GROUP BY 1, 2;
