-- Per-tenant analytics over long ranges: the roll-ups' primary keys lead with the day, these with the tenant.
CREATE INDEX cost_daily_by_tenant ON admin.cost_daily (tenant_id, day);
CREATE INDEX calls_daily_by_tenant ON admin.calls_daily (tenant_id, day);
CREATE INDEX intelligence_daily_by_tenant ON admin.intelligence_daily (tenant_id, day);
