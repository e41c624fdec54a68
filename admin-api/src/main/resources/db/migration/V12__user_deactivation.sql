-- A deactivated user keeps their row (audit, who invited whom) but no role: admin-api answers them 403 and their
-- browser sessions are ended when they are deactivated.
ALTER TABLE admin.users ADD COLUMN deactivated_at timestamptz;
ALTER TABLE admin.users ADD COLUMN deactivated_by text;
