package com.spotfunnel.voice.support.ratelimit;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fixed-window counter per key in Redis: one script call increments the key, starts its expiry when the
 * window opens, and returns the count and the milliseconds left. Atomic in Redis, so every pod counts in the
 * same window; non-blocking (the reactive client).
 */
@ApplicationScoped
public class RedisWindowCounter {

    /** KEYS[1] = counter, ARGV[1] = window in ms. Returns {count, ms until the window ends}. */
    static final String SCRIPT = """
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """;

    private static final String SHA = sha1(SCRIPT);

    public record Window(long count, long resetMillis) {}

    private final ReactiveRedisDataSource redis;

    public RedisWindowCounter(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    public Uni<Window> increment(String key, long windowMillis) {
        String window = Long.toString(windowMillis);
        return redis.execute("EVALSHA", SHA, "1", key, window)
                // First use on this Redis (or after a SCRIPT FLUSH): send the script itself, which caches it.
                .onFailure(e -> String.valueOf(e.getMessage()).startsWith("NOSCRIPT"))
                .recoverWithUni(() -> redis.execute("EVAL", SCRIPT, "1", key, window))
                .map(RedisWindowCounter::window);
    }

    private static Window window(Response response) {
        return new Window(response.get(0).toLong(), response.get(1).toLong());
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
