package com.spotfunnel.voice.admin.erasure;

import com.spotfunnel.voice.admin.audit.AuditLog;
import com.spotfunnel.voice.admin.common.HttpProblem;
import com.spotfunnel.voice.admin.tenants.E164;
import com.spotfunnel.voice.admin.tenants.TenantService;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.CallerErased;
import com.spotfunnel.voice.support.problem.InvalidInputException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Records a caller's erasure in the audit log and publishes {@link CallerErased} in the same transaction: the
 * audit row commits only once the broker has the event. Neither carries the number, only its SHA-256.
 */
@ApplicationScoped
public class CallerErasureService {

    /** What the operator gets back (and the audit log keeps). */
    public record Erasure(String tenantId, String erasureId, String callerPhoneSha256, String erasedBy, Instant at) {}

    private final TenantService tenants;
    private final AuditLog audit;
    private final Pool pool;
    private final MutinyEmitter<CallEvent> events;

    public CallerErasureService(
            TenantService tenants,
            AuditLog audit,
            Pool pool,
            @Channel("caller-erasures") MutinyEmitter<CallEvent> events) {
        this.tenants = tenants;
        this.audit = audit;
        this.pool = pool;
        this.events = events;
    }

    public Uni<Erasure> erase(String tenantId, String phoneNumber, String actor) {
        if (phoneNumber == null || !E164.isValid(phoneNumber)) {
            throw new InvalidInputException("phoneNumber", "must be an E.164 number such as +14155550111");
        }
        Erasure erasure = new Erasure(
                tenantId, "erasure-" + UUID.randomUUID(), CallerErased.hash(phoneNumber), actor, Instant.now());
        CallEvent event = CallEvent.of(
                tenantId, erasure.erasureId(), 0, erasure.at(), new CallerErased(erasure.callerPhoneSha256(), actor));
        Message<CallEvent> message = Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.key())
                        .build());
        JsonObject after = new JsonObject()
                .put("erasureId", erasure.erasureId())
                .put("callerPhoneSha256", erasure.callerPhoneSha256());
        return tenants.get(tenantId) // 404 for an unknown tenant
                .chain(() -> pool.withTransaction(conn -> audit.recordOther(
                                conn, actor, "caller.erased", tenantId, null, after)
                        .chain(() -> events.sendMessage(message)
                                .onFailure()
                                .transform(e -> new HttpProblem(
                                        503,
                                        "Service Unavailable",
                                        "the erasure could not be published ("
                                                + e.getClass().getSimpleName() + "); nothing was recorded, try again",
                                        null)))))
                .replaceWith(erasure);
    }
}
