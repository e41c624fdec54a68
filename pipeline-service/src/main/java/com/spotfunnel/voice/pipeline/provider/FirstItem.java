package com.spotfunnel.voice.pipeline.provider;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns a lazy provider stream into "connected": a {@link Uni} that completes when the first item arrived,
 * carrying the whole stream (first item included). That Uni is what the fault-tolerance guards wrap, so a
 * timeout measures the time to the first byte or token, and a retry can only happen while nothing was produced.
 */
public final class FirstItem {

    private FirstItem() {
    }

    public static <T> Uni<Multi<T>> await(Multi<T> source) {
        return Uni.createFrom().emitter(emitter -> {
            UnicastProcessor<T> rest = UnicastProcessor.create();
            AtomicBoolean signalled = new AtomicBoolean();
            AtomicReference<Cancellable> upstream = new AtomicReference<>();
            Cancellable subscription = source.subscribe().with(item -> {
                rest.onNext(item);
                if (signalled.compareAndSet(false, true)) {
                    emitter.complete(rest.onCancellation().invoke(() -> cancel(upstream)));
                }
            }, failure -> {
                if (signalled.compareAndSet(false, true)) {
                    emitter.fail(failure);
                } else {
                    rest.onError(failure);
                }
            }, () -> {
                rest.onComplete();
                if (signalled.compareAndSet(false, true)) {
                    emitter.complete(rest);
                }
            });
            upstream.set(subscription);
            emitter.onTermination(() -> {
                if (!signalled.get()) {
                    signalled.set(true);
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
