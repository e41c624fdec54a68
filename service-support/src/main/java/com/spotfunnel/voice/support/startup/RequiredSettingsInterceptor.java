package com.spotfunnel.voice.support.startup;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Expressions;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Refuses to start a service whose required settings ({@link RequiredSettings}) are missing, with one line that
 * names all of them, before anything else reads its configuration. It has to run that early: a missing
 * {@code ${TWILIO_AUTH_TOKEN}} or OIDC URL otherwise fails configuration validation first, with a multi-line
 * stack trace naming one setting at a time.
 * <p>
 * A config interceptor (registered in {@code META-INF/services}) because that is the first code of ours that
 * Quarkus runs: on the first configuration lookup of a starting application it resolves the lists through the
 * whole configuration (profiles, expressions) and, if anything is missing, prints the line to stderr and exits
 * with status 1. It does nothing while the application is being built ({@link ExecutionMode#UNSET}).
 */
@Priority(Priorities.APPLICATION + 1000)
public class RequiredSettingsInterceptor implements ConfigSourceInterceptor {

    private static final AtomicBoolean CHECKED = new AtomicBoolean();

    private final transient Supplier<Boolean> starting;
    private final transient Consumer<String> refuse;
    private final transient ThreadLocal<Boolean> checking = ThreadLocal.withInitial(() -> false);
    private final AtomicBoolean checked;

    public RequiredSettingsInterceptor() {
        this(() -> ExecutionMode.current() != ExecutionMode.UNSET, RequiredSettingsInterceptor::exit, CHECKED);
    }

    RequiredSettingsInterceptor(Supplier<Boolean> starting, Consumer<String> refuse, AtomicBoolean checked) {
        this.starting = starting;
        this.refuse = refuse;
        this.checked = checked;
    }

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        // The first lookups (the profile itself) run with expansion off; wait for one that resolves expressions.
        if (!checking.get()
                && !checked.get()
                && Expressions.isEnabled()
                && starting.get()
                && checked.compareAndSet(false, true)) {
            checking.set(true);
            try {
                List<String> missing = RequiredSettings.missing(key -> value(context, key));
                if (!missing.isEmpty()) {
                    refuse.accept(RequiredSettings.refusal(missing));
                }
            } finally {
                checking.set(false);
            }
        }
        return context.proceed(name);
    }

    /**
     * Through the rest of the chain: this interceptor comes first (highest priority), so profiles and expressions
     * apply below it. An unresolvable expression counts as unset.
     */
    private static Optional<String> value(ConfigSourceInterceptorContext context, String key) {
        try {
            return Optional.ofNullable(context.proceed(key)).map(ConfigValue::getValue);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Logging is not set up this early: stderr is the one place the line is sure to reach. */
    private static void exit(String line) {
        System.err.println(line);
        System.err.flush();
        System.exit(1);
    }
}
