package com.spotfunnel.voice.support.projection;

import com.spotfunnel.voice.events.CallEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Arrays;

/**
 * The parking lot in PostgreSQL: one row per parked record in the service's {@code parked_events} table (each
 * service's Flyway migration creates it in its own schema; docs/SCHEMA.md). The first sighting is kept: a
 * record parked again after a replay changes nothing.
 */
public final class ParkedRecordsTable implements ParkingLot {

    /** Longest error text kept: the first lines of a message say what went wrong. */
    static final int MAX_ERROR_LENGTH = 2000;

    private final Pool pool;
    private final String insert;

    /** @param table the schema-qualified table, e.g. {@code dashboard.parked_events} */
    public ParkedRecordsTable(Pool pool, String table) {
        this.pool = pool;
        this.insert = "INSERT INTO " + table + " (topic, kafka_partition, kafka_offset, record_key, raw_value, reason,"
                + " error, event_id, event_type, tenant_id, call_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
                + " ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING";
    }

    @Override
    public Uni<Void> park(ParkedRecord record) {
        CallEvent event = record.event();
        return pool.preparedQuery(insert)
                .execute(Tuple.from(Arrays.asList(
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        text(record.key()),
                        record.raw() == null ? null : Buffer.buffer(record.raw()),
                        record.reason().reason(),
                        text(truncated(record.error())),
                        event == null ? null : event.eventId(),
                        event == null ? null : event.type().wireName(),
                        event == null ? null : text(event.tenantId()),
                        event == null ? null : text(event.callId()))))
                .replaceWithVoid();
    }

    private static String truncated(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    /** PostgreSQL's text cannot hold NUL, and a record that carried one must still be parked. */
    private static String text(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }
}
