-- Onboarding: start → steps (agent, knowledge, telephony) → complete creates the tenant. Resumable; a session
-- not touched for admin.onboarding.ttl expires.
CREATE TABLE admin.onboarding_sessions (
    session_id    uuid        PRIMARY KEY,
    started_by    text        NOT NULL,
    tenant_id     text        NOT NULL,
    name          text        NOT NULL,
    industry      text,
    agent         jsonb,      -- the agent step as sent (validated), null = not done
    knowledge     jsonb,      -- the knowledge step as sent (validated), null = not done
    phone_numbers text[],     -- the telephony step, null = not done
    status        text        NOT NULL DEFAULT 'in_progress',   -- in_progress | completed | expired
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL
);
CREATE INDEX onboarding_sessions_open ON admin.onboarding_sessions (expires_at) WHERE status = 'in_progress';
