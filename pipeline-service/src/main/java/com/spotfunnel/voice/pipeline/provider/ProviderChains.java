package com.spotfunnel.voice.pipeline.provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/** Provider lookup by name for the fallback chains: an order of names becomes the providers that exist. */
public final class ProviderChains {

    private static final Logger LOG = Logger.getLogger(ProviderChains.class);

    private ProviderChains() {}

    public static <P> Map<String, P> byName(Collection<P> providers, Function<P, String> name) {
        Map<String, P> map = new LinkedHashMap<>();
        providers.forEach(p -> map.put(name.apply(p), p));
        return Map.copyOf(map);
    }

    public static <P> List<P> resolve(List<String> order, Map<String, P> known) {
        List<P> chain = new ArrayList<>();
        for (String name : order) {
            P provider = known.get(name.trim().toLowerCase());
            if (provider == null) {
                LOG.warnf("Unknown provider '%s' in a provider order; skipped", name);
            } else if (!chain.contains(provider)) {
                chain.add(provider);
            }
        }
        return chain;
    }
}
