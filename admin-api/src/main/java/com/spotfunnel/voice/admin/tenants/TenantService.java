package com.spotfunnel.voice.admin.tenants;

import com.spotfunnel.voice.admin.audit.AuditEntry;
import com.spotfunnel.voice.admin.audit.AuditLog;
import com.spotfunnel.voice.admin.common.HttpProblem;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.support.postgres.PgErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Every change to a tenant, in one transaction each: the tenant's rows, a new version, an audit row with the
 * configuration before and after, and the new configuration in the outbox — then a nudge to the relay,
 * which publishes it to {@code tenant-config}.
 */
@ApplicationScoped
public class TenantService {

    private final Pool pool;
    private final TenantRepository tenants;
    private final TenantValidator validator;
    private final AuditLog audit;
    private final TenantConfigOutbox outbox;
    private final TenantConfigRelay relay;

    public TenantService(
            Pool pool,
            TenantRepository tenants,
            TenantValidator validator,
            AuditLog audit,
            TenantConfigOutbox outbox,
            TenantConfigRelay relay) {
        this.pool = pool;
        this.tenants = tenants;
        this.validator = validator;
        this.audit = audit;
        this.outbox = outbox;
        this.relay = relay;
    }

    public Uni<List<TenantView>> list() {
        return tenants.list(pool).map(all -> all.stream().map(TenantView::of).toList());
    }

    public Uni<TenantView> get(String tenantId) {
        return tenants.find(pool, tenantId).map(found -> TenantView.of(found.orElseThrow(() -> notFound(tenantId))));
    }

    public Uni<TenantView> create(TenantSpec spec, String actor) {
        TenantValidator.ValidTenant tenant = validator.forCreate(spec);
        return pool.withTransaction(conn -> createIn(conn, tenant, actor, "tenant.created"))
                .onFailure(PgErrors::isUniqueViolation)
                .transform(TenantService::uniqueViolation)
                .invoke(relay::nudge)
                .map(TenantView::of);
    }

    /**
     * Creates a tenant inside the caller's transaction (onboarding adds its knowledge in the same one). The
     * caller calls {@link #published()} after its commit.
     */
    public Uni<StoredTenant> createIn(SqlClient conn, TenantValidator.ValidTenant tenant, String actor, String action) {
        List<String> numbers = tenant.phoneNumbers() == null ? List.of() : tenant.phoneNumbers();
        Instant now = now();
        return tenants.find(conn, tenant.tenantId())
                .invoke(existing -> {
                    if (existing.isPresent()) {
                        throw HttpProblem.conflict("tenantId", "tenant " + tenant.tenantId() + " already exists");
                    }
                })
                .call(() -> ensureNumbersFree(conn, tenant.tenantId(), numbers, "phoneNumbers"))
                .call(() -> tenants.insert(conn, tenant, now))
                .call(() -> tenants.addNumbers(conn, tenant.tenantId(), numbers))
                .flatMap(ignored -> publishChange(conn, actor, action, tenant.tenantId(), null));
    }

    /** After a commit that enqueued configs: publish them now rather than at the next scheduled drain. */
    public void published() {
        relay.nudge();
    }

    /** The numbers among these that another tenant has; 409 naming {@code field} when any. */
    public Uni<Void> ensureNumbersFree(SqlClient conn, List<String> numbers, String field) {
        return ensureNumbersFree(conn, "", numbers, field);
    }

    public Uni<TenantView> update(String tenantId, long expectedVersion, TenantSpec spec, String actor) {
        TenantValidator.ValidTenant tenant = validator.forUpdate(tenantId, spec);
        Instant now = now();
        return changeExisting(tenantId, expectedVersion, actor, "tenant.updated", (conn, before) -> {
            Uni<Void> write = tenants.update(conn, tenant, before.version() + 1, now);
            if (tenant.phoneNumbers() == null) {
                return write;
            }
            return write.call(() -> ensureNumbersFree(conn, tenantId, tenant.phoneNumbers(), "phoneNumbers"))
                    .call(() -> tenants.removeAllNumbers(conn, tenantId))
                    .call(() -> tenants.addNumbers(conn, tenantId, tenant.phoneNumbers()));
        });
    }

    /** Adds numbers to a tenant; If-Match is optional here since adding never overwrites another change. */
    public Uni<TenantView> addNumbers(String tenantId, Long expectedVersion, List<String> rawNumbers, String actor) {
        List<String> numbers = validator.phoneNumbers(rawNumbers, "numbers");
        Instant now = now();
        return changeExisting(tenantId, expectedVersion, actor, "numbers.added", (conn, before) -> {
            List<String> fresh = numbers.stream()
                    .filter(n -> !before.phoneNumbers().contains(n))
                    .toList();
            return ensureNumbersFree(conn, tenantId, fresh, "numbers")
                    .call(() -> tenants.addNumbers(conn, tenantId, fresh))
                    .call(() -> tenants.bumpVersion(conn, tenantId, before.version() + 1, now));
        });
    }

    public Uni<TenantView> removeNumber(String tenantId, Long expectedVersion, String number, String actor) {
        validator.phoneNumbers(List.of(number), "number");
        Instant now = now();
        return changeExisting(tenantId, expectedVersion, actor, "numbers.removed", (conn, before) -> {
            if (!before.phoneNumbers().contains(number)) {
                throw HttpProblem.notFound("number " + number + " of tenant " + tenantId);
            }
            return tenants.removeNumbers(conn, tenantId, List.of(number))
                    .call(() -> tenants.bumpVersion(conn, tenantId, before.version() + 1, now))
                    .replaceWithVoid();
        });
    }

    /** Deletes the tenant and publishes a tombstone, so every registry forgets it. */
    public Uni<Void> delete(String tenantId, long expectedVersion, String actor) {
        return pool.withTransaction(conn -> lockedCurrent(conn, tenantId, expectedVersion)
                        .call(before -> tenants.delete(conn, tenantId))
                        .call(before -> audit.record(conn, actor, "tenant.deleted", tenantId, before, null))
                        .call(before -> outbox.enqueueDeletion(conn, tenantId, before.version() + 1)))
                .invoke(relay::nudge)
                .replaceWithVoid();
    }

    public Uni<List<AuditEntry>> audit(String tenantId, int limit) {
        return audit.forTenant(pool, tenantId, limit);
    }

    /** A change to an existing tenant: lock, check the version, write, audit, enqueue. */
    private Uni<TenantView> changeExisting(
            String tenantId, Long expectedVersion, String actor, String action, Change change) {
        return pool.withTransaction(conn -> lockedCurrent(conn, tenantId, expectedVersion)
                        .call(before -> change.apply(conn, before))
                        .flatMap(before -> publishChange(conn, actor, action, tenantId, before)))
                .onFailure(PgErrors::isUniqueViolation)
                .transform(TenantService::uniqueViolation)
                .invoke(relay::nudge)
                .map(TenantView::of);
    }

    private Uni<TenantConfig> lockedCurrent(SqlClient conn, String tenantId, Long expectedVersion) {
        return tenants.lockVersion(conn, tenantId)
                .invoke(current -> {
                    long version = current.orElseThrow(() -> notFound(tenantId));
                    if (expectedVersion != null && expectedVersion != version) {
                        throw HttpProblem.staleVersion(expectedVersion, version);
                    }
                })
                .flatMap(ignored -> tenants.find(conn, tenantId))
                .map(found -> found.orElseThrow(() -> notFound(tenantId)).config());
    }

    private Uni<StoredTenant> publishChange(
            SqlClient conn, String actor, String action, String tenantId, TenantConfig before) {
        return tenants.find(conn, tenantId)
                .map(found -> found.orElseThrow(() -> notFound(tenantId)))
                .call(after -> audit.record(conn, actor, action, tenantId, before, after.config()))
                .call(after -> outbox.enqueue(conn, after.config()));
    }

    private Uni<Void> ensureNumbersFree(SqlClient conn, String tenantId, List<String> numbers, String field) {
        if (numbers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tenants.owners(conn, numbers)
                .invoke(owners -> {
                    List<String> taken = new ArrayList<>();
                    for (String[] owner : owners) {
                        if (!owner[1].equals(tenantId)) {
                            taken.add(owner[0]);
                        }
                    }
                    if (!taken.isEmpty()) {
                        throw HttpProblem.conflict(
                                field, "already assigned to another tenant: " + String.join(", ", taken));
                    }
                })
                .replaceWithVoid();
    }

    private static Throwable uniqueViolation(Throwable e) {
        return String.valueOf(e.getMessage()).contains("phone_numbers")
                ? HttpProblem.conflict("phoneNumbers", "a number is already assigned to another tenant")
                : HttpProblem.conflict("tenantId", "the tenant already exists");
    }

    private static HttpProblem notFound(String tenantId) {
        return HttpProblem.notFound("tenant " + tenantId);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @FunctionalInterface
    private interface Change {
        Uni<Void> apply(SqlClient conn, TenantConfig before);
    }
}
