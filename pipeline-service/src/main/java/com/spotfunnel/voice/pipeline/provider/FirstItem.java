package com.spotfunnel.voice.pipeline.provider;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns a lazy provider stream into "connected": a {@link Uni} that completes when the first item arrived,
 * carrying the whole stream (first item included). That Uni is what the fault-tolerance guards wrap, so a
 * timeout measures the time to the first byte or token, and a retry can only happen while nothing was produced.
 * <p>
 * A guard that gave up (timeout) does not cancel the Uni; when such a late stream is not taken within
 * {@link #ABANDONED_AFTER_MS}, it is cancelled here, which resets its HTTP request.
 */
public final class FirstItem {

    static final long ABANDONED_AFTER_MS = 5_000;

    private FirstItem() {}

    public static <T> Uni<Multi<T>> await(Multi<T> source) {
        return Uni.createFrom().emitter(emitter -> {
            UnicastProcessor<T> rest = UnicastProcessor.create();
            AtomicBoolean signalled = new AtomicBoolean();
            AtomicBoolean taken = new AtomicBoolean();
            AtomicReference<Cancellable> upstream = new AtomicReference<>();
            Multi<T> handedOut = rest.onSubscription()
                    .invoke(() -> taken.set(true))
                    .onCancellation()
                    .invoke(() -> cancel(upstream));
            Cancellable subscription = source.subscribe()
                    .with(
                            item -> {
                                rest.onNext(item);
                                if (signalled.compareAndSet(false, true)) {
                                    emitter.complete(handedOut);
                                    Infrastructure.getDefaultWorkerPool()
                                            .schedule(
                                                    () -> {
                                                        if (!taken.get()) {
                                                            cancel(upstream);
                                                        }
                                                    },
                                                    ABANDONED_AFTER_MS,
                                                    TimeUnit.MILLISECONDS);
                                }
                            },
                            failure -> {
                                if (signalled.compareAndSet(false, true)) {
                                    emitter.fail(failure);
                                } else {
                                    rest.onError(failure);
                                }
                            },
                            () -> {
                                rest.onComplete();
                                if (signalled.compareAndSet(false, true)) {
                                    emitter.complete(handedOut);
                                }
                            });
            upstream.set(subscription);
            emitter.onTermination(() -> {
                if (signalled.compareAndSet(false, true)) {
                    subscription.cancel();
                }
            });
        });
    }

    private static void cancel(AtomicReference<Cancellable> upstream) {
        Cancellable c = upstream.get();
        if (c != null) {
            c.cancel();
        }
    }
}
