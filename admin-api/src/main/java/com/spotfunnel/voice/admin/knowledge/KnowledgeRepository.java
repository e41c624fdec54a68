package com.spotfunnel.voice.admin.knowledge;

import com.spotfunnel.voice.admin.knowledge.KnowledgeModels.Document;
import com.spotfunnel.voice.admin.knowledge.KnowledgeModels.KnowledgeBase;
import com.spotfunnel.voice.admin.knowledge.KnowledgeModels.Passage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for knowledge bases, documents and chunks. */
@ApplicationScoped
public class KnowledgeRepository {

    private static final String SELECT_KB = """
            SELECT k.kb_id, k.tenant_id, k.name, k.description, k.created_at,
                   (SELECT count(*) FROM admin.knowledge_documents d WHERE d.kb_id = k.kb_id) AS documents
            FROM admin.knowledge_bases k""";

    public Uni<Void> insertBase(SqlClient sql, UUID id, String tenantId, String name, String description) {
        return sql.preparedQuery(
                        "INSERT INTO admin.knowledge_bases (kb_id, tenant_id, name, description) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(id, tenantId, name, description))
                .replaceWithVoid();
    }

    public Uni<List<KnowledgeBase>> bases(SqlClient sql, String tenantId) {
        return sql.preparedQuery(SELECT_KB + " WHERE k.tenant_id = $1 ORDER BY k.name")
                .execute(Tuple.of(tenantId))
                .map(rows -> {
                    List<KnowledgeBase> list = new ArrayList<>();
                    rows.forEach(row -> list.add(base(row)));
                    return list;
                });
    }

    public Uni<Optional<KnowledgeBase>> base(SqlClient sql, String tenantId, UUID kbId) {
        return sql.preparedQuery(SELECT_KB + " WHERE k.tenant_id = $1 AND k.kb_id = $2")
                .execute(Tuple.of(tenantId, kbId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(base(rows.iterator().next())));
    }

    public Uni<Integer> deleteBase(SqlClient sql, String tenantId, UUID kbId) {
        return sql.preparedQuery("DELETE FROM admin.knowledge_bases WHERE tenant_id = $1 AND kb_id = $2")
                .execute(Tuple.of(tenantId, kbId))
                .map(rows -> rows.rowCount());
    }

    public Uni<Void> insertDocument(
            SqlClient sql, UUID id, UUID kbId, String tenantId, String title, int chars, List<String> chunks) {
        return sql.preparedQuery("""
                INSERT INTO admin.knowledge_documents (document_id, kb_id, tenant_id, title, chars) VALUES ($1, $2, $3, $4, $5)""")
                .execute(Tuple.of(id, kbId, tenantId, title, chars))
                .call(() -> sql.preparedQuery("""
                        INSERT INTO admin.knowledge_chunks (document_id, ord, kb_id, tenant_id, content)
                        SELECT $1, c.ord - 1, $2, $3, c.content FROM unnest($4::text[]) WITH ORDINALITY AS c(content, ord)""").execute(Tuple.of(id, kbId, tenantId, chunks.toArray(new String[0]))))
                .replaceWithVoid();
    }

    public Uni<List<Document>> documents(SqlClient sql, UUID kbId) {
        return sql.preparedQuery("""
                SELECT d.document_id, d.kb_id, d.title, d.chars, d.created_at,
                       (SELECT count(*) FROM admin.knowledge_chunks c WHERE c.document_id = d.document_id) AS chunks
                FROM admin.knowledge_documents d WHERE d.kb_id = $1 ORDER BY d.created_at, d.title""").execute(Tuple.of(kbId)).map(rows -> {
            List<Document> list = new ArrayList<>();
            rows.forEach(row -> list.add(new Document(
                    row.getUUID("document_id"),
                    row.getUUID("kb_id"),
                    row.getString("title"),
                    row.getInteger("chars"),
                    row.getLong("chunks").intValue(),
                    row.getOffsetDateTime("created_at").toInstant())));
            return list;
        });
    }

    public Uni<Integer> deleteDocument(SqlClient sql, UUID kbId, UUID documentId) {
        return sql.preparedQuery("DELETE FROM admin.knowledge_documents WHERE kb_id = $1 AND document_id = $2")
                .execute(Tuple.of(kbId, documentId))
                .map(rows -> rows.rowCount());
    }

    /** Full-text search over the tenant's chunks (optionally one knowledge base), best first. */
    public Uni<List<Passage>> search(SqlClient sql, String tenantId, UUID kbId, String query, int limit) {
        return sql.preparedQuery("""
                SELECT c.document_id, d.title, c.kb_id, c.ord, c.content, ts_rank(c.tsv, q) AS rank
                FROM admin.knowledge_chunks c JOIN admin.knowledge_documents d ON d.document_id = c.document_id,
                     websearch_to_tsquery('english', $2) AS q
                WHERE c.tenant_id = $1 AND ($3::uuid IS NULL OR c.kb_id = $3) AND c.tsv @@ q
                ORDER BY rank DESC, c.document_id, c.ord LIMIT $4""")
                .execute(Tuple.of(tenantId, query, kbId, limit))
                .map(rows -> {
                    List<Passage> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new Passage(
                            row.getUUID("document_id"),
                            row.getString("title"),
                            row.getUUID("kb_id"),
                            row.getInteger("ord"),
                            row.getString("content"),
                            row.getDouble("rank"))));
                    return list;
                });
    }

    private static KnowledgeBase base(Row row) {
        return new KnowledgeBase(
                row.getUUID("kb_id"),
                row.getString("tenant_id"),
                row.getString("name"),
                row.getString("description"),
                row.getLong("documents"),
                row.getOffsetDateTime("created_at").toInstant());
    }
}
