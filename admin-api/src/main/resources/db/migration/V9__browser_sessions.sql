-- Browser sessions of the admin SPA (OIDC code flow). The tokens stay here; the browser's session cookie holds
-- only a random token whose SHA-256 is `token_sha256`. `session_id` is the public id the sessions API shows
-- (never the cookie's value). Deleting a row revokes the session: the next request with its cookie is refused.
CREATE TABLE admin.browser_sessions (
    session_id              uuid        PRIMARY KEY,
    token_sha256            text        NOT NULL UNIQUE,
    oidc_subject            text        NOT NULL,      -- the ID token's `sub`: whose session this is
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
    expires_at              timestamptz NOT NULL        -- absolute end: max age or the refresh token's expiry
);
CREATE INDEX browser_sessions_by_subject ON admin.browser_sessions (oidc_subject, last_used_at DESC);
CREATE INDEX browser_sessions_by_expiry ON admin.browser_sessions (expires_at);
CREATE INDEX browser_sessions_by_last_use ON admin.browser_sessions (last_used_at);
