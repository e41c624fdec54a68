-- Browser sessions of the customer dashboard (browser-sessions/, OIDC code flow), as admin.browser_sessions is for
-- the console: the tokens stay here; the browser's cookie holds only a random token whose SHA-256 is
-- `token_sha256`. Deleting a row revokes the session.
CREATE TABLE dashboard.browser_sessions (
    session_id              uuid        PRIMARY KEY,
    token_sha256            text        NOT NULL UNIQUE,
    oidc_subject            text        NOT NULL,
    user_name               text,
    id_token                text        NOT NULL,
    access_token            text,
    refresh_token           text,
    access_token_expires_in bigint,
    access_token_scope      text,
    user_agent              text,
    ip                      text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    last_used_at            timestamptz NOT NULL DEFAULT now(),
    expires_at              timestamptz NOT NULL
);
CREATE INDEX browser_sessions_by_subject ON dashboard.browser_sessions (oidc_subject, last_used_at DESC);
CREATE INDEX browser_sessions_by_expiry ON dashboard.browser_sessions (expires_at);
CREATE INDEX browser_sessions_by_last_use ON dashboard.browser_sessions (last_used_at);
