-- Who is admin or customer, and of which tenant. The OIDC provider authenticates; these tables authorise.
CREATE TABLE admin.users (
    user_id      uuid        PRIMARY KEY,
    email        text        NOT NULL UNIQUE,        -- lower-case
    role         text        NOT NULL CHECK (role IN ('admin', 'customer')),
    tenant_id    text        REFERENCES admin.tenants (tenant_id) ON DELETE CASCADE,
    oidc_subject text        UNIQUE,                  -- the token's `sub`, linked when an invitation is accepted
    invited_by   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (role = 'admin' OR tenant_id IS NOT NULL)
);

-- Single-use, expiring invitations. Only a SHA-256 of the token is stored; the token itself is only in the mail.
CREATE TABLE admin.invitations (
    invitation_id uuid        PRIMARY KEY,
    email         text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('admin', 'customer')),
    tenant_id     text        REFERENCES admin.tenants (tenant_id) ON DELETE CASCADE,
    token_sha256  text        NOT NULL UNIQUE,
    invited_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    accepted_at   timestamptz,
    accepted_by   text
);
CREATE INDEX invitations_by_email ON admin.invitations (email);
