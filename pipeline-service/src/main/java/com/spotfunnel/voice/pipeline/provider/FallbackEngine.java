package com.spotfunnel.voice.pipeline.provider;

import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Stage;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one fallback engine of the three stages (after LiveKit Agents' FallbackAdapter): the providers of a call's
 * order, first available first. A provider that fails (before its first item or mid-stream, including a stall
 * longer than the stage's deadline) is reported, and the stage's {@link ResumePolicy} decides what the next
 * provider is asked. A provider whose circuit breaker has opened is marked unavailable in
 * {@link ProviderAvailability}: later answers skip it until a background probe finds it working again. When the last one fails the stream fails with {@link StageFailedException} of
 * the stage, which the conversation turns into {@code Failed}: the gateway takes the caller.
 *
 * @param <P> the stage's provider type
 * @param <R> what a provider is asked
 * @param <I> what it produces
 */
public final class FallbackEngine<P, R, I> {

    /** Starts one provider on a request: completes once it is connected (first item, or a stream open). */
    @FunctionalInterface
    public interface Attempt<P, R, I> {
        Uni<Multi<I>> start(P provider, R request, int attempt, StageListener listener);
    }

    /** A background check whether an unavailable provider works again (any item = yes). */
    @FunctionalInterface
    public interface Probe<P, R> {
        Uni<?> probe(P provider, R request);
    }

    private final Stage stage;
    private final FailureKind kind;
    private final Map<String, P> providers;
    private final Function<P, String> name;
    private final Function<P, String> model;
    private final Attempt<P, R, I> attempt;
    private final Probe<P, R> probe;
    private final Duration stall;
    private final ProviderAvailability availability;
    private final ProviderMetrics metrics;

    /**
     * @param stall the longest silence between two items once a stream started, or null for none (STT: a caller
     *     may say nothing for a while)
     */
    public FallbackEngine(
            Stage stage,
            FailureKind kind,
            List<P> providers,
            Function<P, String> name,
            Function<P, String> model,
            Attempt<P, R, I> attempt,
            Probe<P, R> probe,
            Duration stall,
            ProviderAvailability availability,
            ProviderMetrics metrics) {
        this.stage = stage;
        this.kind = kind;
        this.providers = ProviderChains.byName(providers, name);
        this.name = name;
        this.model = model;
        this.attempt = attempt;
        this.probe = probe;
        this.stall = stall;
        this.availability = availability;
        this.metrics = metrics;
    }

    /** The providers of {@code order} that exist, in that order. */
    public List<P> resolve(List<String> order) {
        return ProviderChains.resolve(order, providers);
    }

    /** One answer to {@code request} from the providers of {@code order}, resumed by {@code policy} on failure. */
    public Multi<I> run(List<String> order, R request, ResumePolicy<R, I> policy, StageListener listener) {
        List<P> chain = availability.usable(stage, resolve(order), name);
        if (chain.isEmpty()) {
            return Multi.createFrom().failure(new StageFailedException(kind, "no " + stage + " provider", null));
        }
        return attempt(chain, 0, policy.begin(request), listener);
    }

    private Multi<I> attempt(List<P> chain, int index, ResumePolicy.Course<R, I> course, StageListener listener) {
        R request = course.request(index).orElse(null);
        if (request == null) {
            return Multi.createFrom().empty();
        }
        P provider = chain.get(index);
        String providerName = name.apply(provider);
        return metrics.timeFirst(stage, providerName, attempt.start(provider, request, index, listener), listener)
                .onItem()
                .transformToMulti(items -> stall == null ? items : Stalls.guard(items, stall, providerName))
                .onItem()
                .transformToIterable(item -> {
                    I passed = course.passOn(item);
                    return passed == null ? List.<I>of() : List.of(passed);
                })
                .onCompletion()
                .switchTo(() -> Multi.createFrom().iterable(course.end()))
                .onFailure()
                .recoverWithMulti(failure -> {
                    course.failed(providerName, model.apply(provider));
                    boolean last = index + 1 >= chain.size();
                    listener.providerFailed(new ProviderFailed(
                            stage,
                            providerName,
                            ProviderException.typeOf(failure),
                            ProviderException.describe(failure),
                            last ? null : name.apply(chain.get(index + 1))));
                    availability.failed(stage, providerName, failure, () -> probe.probe(provider, request));
                    if (last) {
                        return Multi.createFrom()
                                .failure(new StageFailedException(
                                        kind,
                                        "every " + stage + " provider failed; last: "
                                                + ProviderException.describe(failure),
                                        failure));
                    }
                    return attempt(chain, index + 1, course, listener);
                });
    }
}
