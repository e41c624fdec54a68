-- An operator can withdraw an invitation that was not accepted yet; a revoked invitation is never accepted.
ALTER TABLE admin.invitations ADD COLUMN revoked_at timestamptz;
ALTER TABLE admin.invitations ADD COLUMN revoked_by text;
CREATE INDEX invitations_pending ON admin.invitations (created_at) WHERE accepted_at IS NULL AND revoked_at IS NULL;
