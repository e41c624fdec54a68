package com.spotfunnel.voice.sessions;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A user's own browser sessions: list, revoke one, revoke all. Every query is keyed by the caller's OIDC
 * subject, so another user's session is indistinguishable from one that does not exist (404).
 */
@ApplicationScoped
public class BrowserSessionService {

    private static final Logger LOG = Logger.getLogger(BrowserSessionService.class);

    private final Pool pool;
    private final BrowserSessionRepository sessions;
    private final BrowserSessionsConfig config;

    public BrowserSessionService(Pool pool, BrowserSessionRepository sessions, BrowserSessionsConfig config) {
        this.pool = pool;
        this.sessions = sessions;
        this.config = config;
    }

    public Uni<List<BrowserSession>> list(String subject, UUID current) {
        return sessions.live(pool, subject, config.idleTimeout(), current);
    }

    public Uni<Void> revoke(String subject, UUID sessionId) {
        return sessions.delete(pool, subject, sessionId).map(deleted -> {
            if (!deleted) {
                throw new NotFoundException("session " + sessionId + " does not exist");
            }
            return null;
        });
    }

    /** @return how many sessions were ended */
    public Uni<Integer> revokeAll(String subject) {
        return sessions.deleteAll(pool, subject);
    }

    /** Deletes the sessions past their expiry or idle longer than {@code idleTimeout}; @return how many. */
    public Uni<Integer> deleteEnded(Duration idleTimeout) {
        return sessions.deleteEnded(pool, idleTimeout);
    }

    @Scheduled(
            every = "${spotfunnel.browser-sessions.cleanup-interval}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deleteEndedOnSchedule() {
        return deleteEnded(config.idleTimeout())
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf("Deleting ended browser sessions failed (retried on the next run): %s", e.toString());
                    return 0;
                })
                .replaceWithVoid();
    }
}
