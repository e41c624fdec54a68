-- Knowledge bases: several per tenant, each a set of documents split into chunks; retrieval is PostgreSQL
-- full-text search over the chunks (GIN index on a stored tsvector).
CREATE TABLE admin.knowledge_bases (
    kb_id       uuid        PRIMARY KEY,
    tenant_id   text        NOT NULL REFERENCES admin.tenants (tenant_id) ON DELETE CASCADE,
    name        text        NOT NULL,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);

CREATE TABLE admin.knowledge_documents (
    document_id uuid        PRIMARY KEY,
    kb_id       uuid        NOT NULL REFERENCES admin.knowledge_bases (kb_id) ON DELETE CASCADE,
    tenant_id   text        NOT NULL,
    title       text        NOT NULL,
    chars       integer     NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX knowledge_documents_by_kb ON admin.knowledge_documents (kb_id);

CREATE TABLE admin.knowledge_chunks (
    document_id uuid    NOT NULL REFERENCES admin.knowledge_documents (document_id) ON DELETE CASCADE,
    ord         integer NOT NULL,
    kb_id       uuid    NOT NULL,
    tenant_id   text    NOT NULL,
    content     text    NOT NULL,
    tsv         tsvector GENERATED ALWAYS AS (to_tsvector('english', content)) STORED,
    PRIMARY KEY (document_id, ord)
);
CREATE INDEX knowledge_chunks_search ON admin.knowledge_chunks USING gin (tsv);
CREATE INDEX knowledge_chunks_by_tenant ON admin.knowledge_chunks (tenant_id);
