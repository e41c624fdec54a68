package com.spotfunnel.voice.support.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Counts a request against a limit. Fails open: when Redis errs or is slower than
 * {@code spotfunnel.rate-limit.store-timeout} the answer is "no usage known" and the request is served (a limiter
 * outage must never drop a call); the failure is counted in {@code rate_limit_store_errors_total}, logged at most
 * once per interval, and Redis is left alone for {@code store-retry-interval}.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    private final RedisWindowCounter counter;
    private final RateLimitConfig config;
    private final String keyPrefix;
    private final MeterRegistry meters;
    private final Counter storeErrors;
    private final Map<String, Counter> limited = new ConcurrentHashMap<>();
    private final AtomicLong skipStoreUntil = new AtomicLong();
    private final AtomicLong nextErrorLog = new AtomicLong();

    public RateLimiter(
            RedisWindowCounter counter,
            RateLimitConfig config,
            MeterRegistry meters,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.counter = counter;
        this.config = config;
        this.keyPrefix = config.keyPrefix() + ":" + application + ":";
        this.meters = meters;
        this.storeErrors = Counter.builder("rate_limit_store_errors_total")
                .description("Requests served without a rate-limit decision because Redis failed or was skipped")
                .register(meters);
    }

    /** Counts one request of {@code subject} against {@code limit}; empty when the store could not say. */
    public Uni<Optional<Usage>> hit(String limit, String subject, int allowed, Duration window) {
        if (System.currentTimeMillis() < skipStoreUntil.get()) {
            storeErrors.increment();
            return Uni.createFrom().item(Optional.empty());
        }
        return counter.increment(keyPrefix + limit + ":" + subject, window.toMillis())
                .ifNoItem()
                .after(config.storeTimeout())
                .fail()
                .map(w -> Optional.of(new Usage(limit, allowed, w.count(), w.resetMillis())))
                .onFailure()
                .recoverWithItem(this::storeFailed);
    }

    /** Counts a request refused with 429 in {@code http_rate_limited_total{limit}}. */
    public void refused(String limit) {
        limited.computeIfAbsent(
                        limit,
                        l -> Counter.builder("http_rate_limited_total")
                                .description("Requests refused with 429 because a rate limit was exceeded")
                                .tag("limit", l)
                                .register(meters))
                .increment();
    }

    private Optional<Usage> storeFailed(Throwable failure) {
        storeErrors.increment();
        long now = System.currentTimeMillis();
        skipStoreUntil.set(now + config.storeRetryInterval().toMillis());
        long due = nextErrorLog.get();
        if (now >= due
                && nextErrorLog.compareAndSet(
                        due, now + config.storeErrorLogInterval().toMillis())) {
            LOG.warnf(
                    "Rate-limit store (Redis) unavailable, serving requests without limits: %s "
                            + "(logged at most once per %s; see rate_limit_store_errors_total)",
                    failure.toString(), config.storeErrorLogInterval());
        }
        return Optional.empty();
    }
}
