package com.spotfunnel.voice.admin.analytics;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The call-events records the analytics projection parked (admin.parked_events), newest first. */
@ApplicationScoped
public class ParkedEvents {

    /**
     * @param rawValue the record's bytes as UTF-8 text (what a producer wrote; bytes that are not UTF-8 show as
     *                 U+FFFD), null for a record without a value
     */
    public record ParkedEvent(
            String topic,
            int partition,
            long offset,
            String key,
            String reason,
            String error,
            UUID eventId,
            String eventType,
            String tenantId,
            String callId,
            Instant firstSeenAt,
            String rawValue) {}

    private final Pool pool;

    public ParkedEvents(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ParkedEvent>> newest(int limit) {
        return pool.preparedQuery("""
                SELECT topic, kafka_partition, kafka_offset, record_key, reason, error, event_id, event_type, tenant_id,
                       call_id, first_seen_at, raw_value
                FROM admin.parked_events ORDER BY first_seen_at DESC LIMIT $1""").execute(Tuple.of(limit)).map(rows -> {
            List<ParkedEvent> parked = new ArrayList<>();
            for (Row row : rows) {
                Buffer raw = row.getDelegate().getBuffer("raw_value");
                parked.add(new ParkedEvent(
                        row.getString("topic"),
                        row.getInteger("kafka_partition"),
                        row.getLong("kafka_offset"),
                        row.getString("record_key"),
                        row.getString("reason"),
                        row.getString("error"),
                        row.getUUID("event_id"),
                        row.getString("event_type"),
                        row.getString("tenant_id"),
                        row.getString("call_id"),
                        row.getOffsetDateTime("first_seen_at").toInstant(),
                        raw == null ? null : new String(raw.getBytes(), StandardCharsets.UTF_8)));
            }
            return parked;
        });
    }
}
