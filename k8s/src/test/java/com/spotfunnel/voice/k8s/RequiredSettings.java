package com.spotfunnel.voice.k8s;

import com.spotfunnel.voice.events.providers.ProviderCatalog;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's prod profile refuses to start without (service-support's RequiredSettingsInterceptor reads
 * the same keys): {@code %prod.spotfunnel.required-settings.always}, plus, for each name the
 * {@code .features} expression yields in the given environment, {@code spotfunnel.required-settings.feature.<name>}.
 * The expression's {@code ${property}} references are resolved the way they would be in prod: the property's
 * {@code ${ENV:default}} value, the environment first.
 */
final class RequiredSettings {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private RequiredSettings() {}

    static Set<String> of(String service, Map<String, String> environment) {
        Properties properties = load(Path.of("..", service, "src", "main", "resources", "application.properties"));
        // As pipeline-service's CatalogConfigSource does: each provider's key setting comes from the provider catalog.
        ProviderCatalog.apiKeySettings()
                .forEach((provider, key) ->
                        properties.putIfAbsent("spotfunnel.required-settings.feature." + provider, key));
        Set<String> required = new LinkedHashSet<>(split(prod(properties, "spotfunnel.required-settings.always")));
        String features = prod(properties, "spotfunnel.required-settings.features");
        for (String feature : split(resolve(features, properties, environment, 0))) {
            required.addAll(split(prod(properties, "spotfunnel.required-settings.feature." + feature)));
        }
        return required;
    }

    private static String prod(Properties properties, String key) {
        return properties.getProperty("%prod." + key, properties.getProperty(key, ""));
    }

    /** ${property} → that property's prod value, itself resolved; ${ENV:default} → the environment, else the default. */
    private static String resolve(String value, Properties properties, Map<String, String> environment, int depth) {
        if (depth > 5) {
            throw new AssertionError("configuration references nest too deep: " + value);
        }
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (environment.containsKey(name)) {
                replacement = environment.get(name);
            } else if (!prod(properties, name).isEmpty()) {
                replacement = resolve(prod(properties, name), properties, environment, depth + 1);
            } else {
                replacement = m.group(2) == null ? "" : m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> split(String list) {
        List<String> items = new ArrayList<>();
        for (String item : list.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file.toAbsolutePath(), e);
        }
        return properties;
    }
}
