package com.spotfunnel.voice.pipeline.provider;

import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.pipeline.config.ProvidersConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Which providers the {@link FallbackEngine}s may use, across all calls of this instance. What counts as down is
 * the provider's SmallRye circuit breaker's call (it opens at its failure ratio; one timeout is not an outage): a
 * provider whose breaker refused a call ({@code circuit_open}) is unavailable, and later answers skip it without
 * asking, until a probe in the background, every {@code pipeline.providers.recovery.interval}, gets an answer from
 * it (the probe is the breaker's trial call once its delay has passed, so no caller's turn pays for the trial).
 * When every provider of an order is unavailable they are all tried anyway: a failing provider is better than none.
 * <p>
 * Each change is logged and shows in {@code pipeline_provider_available{stage,provider}} (1 or 0) and
 * {@code pipeline_provider_availability_changes_total{stage,provider,available}}.
 */
@ApplicationScoped
public class ProviderAvailability {

    private static final Logger LOG = Logger.getLogger(ProviderAvailability.class);
    private static final String BREAKER_OPEN = "circuit_open";

    private final MeterRegistry meters;
    private final Duration interval;
    private final Duration probeTimeout;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    @Inject
    public ProviderAvailability(MeterRegistry meters, ProvidersConfig config) {
        this(meters, config.recovery().interval(), config.recovery().probeTimeout());
    }

    public ProviderAvailability(MeterRegistry meters, Duration interval, Duration probeTimeout) {
        this.meters = meters;
        this.interval = interval;
        this.probeTimeout = probeTimeout;
    }

    /** The available providers of {@code chain} in its order; all of them when none is available. */
    public <P> List<P> usable(Stage stage, List<P> chain, Function<P, String> name) {
        List<P> usable = new ArrayList<>();
        for (P provider : chain) {
            if (state(stage, name.apply(provider)).available.get() == 1) {
                usable.add(provider);
            }
        }
        return usable.isEmpty() ? chain : usable;
    }

    public boolean available(Stage stage, String provider) {
        return state(stage, provider).available.get() == 1;
    }

    /**
     * {@code provider} failed. When its breaker has opened it is unavailable until {@code probe} (retried every
     * interval) succeeds; any other failure leaves it available (its breaker is still counting).
     */
    public void failed(Stage stage, String provider, Throwable cause, Supplier<Uni<?>> probe) {
        if (!BREAKER_OPEN.equals(ProviderException.typeOf(cause))) {
            return;
        }
        State state = state(stage, provider);
        if (!state.available.compareAndSet(1, 0)) {
            return; // already unavailable and being probed
        }
        LOG.warnf(
                "%s provider %s unavailable (%s); probing it every %d ms",
                stage, provider, ProviderException.describe(cause), interval.toMillis());
        changed(stage, provider, false);
        probeLater(stage, provider, state, probe);
    }

    private void probeLater(Stage stage, String provider, State state, Supplier<Uni<?>> probe) {
        state.probing = Uni.createFrom()
                .voidItem()
                .onItem()
                .delayIt()
                .by(interval)
                .chain(() -> Uni.createFrom().deferred(probe))
                .ifNoItem()
                .after(probeTimeout)
                .fail()
                .subscribe()
                .with(
                        ok -> {
                            if (state.available.compareAndSet(0, 1)) {
                                LOG.infof("%s provider %s available again", stage, provider);
                                changed(stage, provider, true);
                            }
                        },
                        failure -> {
                            if (state.available.get() == 0) {
                                LOG.debugf("%s provider %s still unavailable: %s", stage, provider, failure);
                                probeLater(stage, provider, state, probe);
                            }
                        });
    }

    /** Everything available again and no probe running (tests start from healthy providers). */
    public void resetAll() {
        states.values().forEach(state -> {
            state.available.set(1);
            Cancellable probing = state.probing;
            if (probing != null) {
                probing.cancel();
            }
        });
    }

    private void changed(Stage stage, String provider, boolean available) {
        Counter.builder("pipeline_provider_availability_changes_total")
                .tag("stage", tag(stage))
                .tag("provider", provider)
                .tag("available", Boolean.toString(available))
                .register(meters)
                .increment();
    }

    private State state(Stage stage, String provider) {
        return states.computeIfAbsent(tag(stage) + ":" + provider, key -> {
            State state = new State();
            Gauge.builder("pipeline_provider_available", state.available, AtomicInteger::get)
                    .tag("stage", tag(stage))
                    .tag("provider", provider)
                    .register(meters);
            return state;
        });
    }

    private static String tag(Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT);
    }

    private static final class State {
        final AtomicInteger available = new AtomicInteger(1);
        volatile Cancellable probing;
    }
}
