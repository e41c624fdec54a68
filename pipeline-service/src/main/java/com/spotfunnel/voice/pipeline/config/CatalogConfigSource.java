package com.spotfunnel.voice.pipeline.config;

import com.spotfunnel.voice.events.providers.ProviderCatalog;
import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings that come from the {@link ProviderCatalog}, as configuration below application.properties
 * (ordinal 100): {@code spotfunnel.required-settings.feature.<provider>} = the setting of its key (so prod refuses
 * to start without the key of a provider in the configured order), and {@code provider-catalog.<provider>.model} =
 * its default model, which application.properties uses where {@code <PROVIDER>_MODEL} is not set.
 */
@StaticInitSafe // static data only; and service-support's RequiredSettingsInterceptor checks during static init, so
// without this the catalog's key settings were not there when prod decided whether to refuse to start
public class CatalogConfigSource extends MapBackedConfigSource {

    public CatalogConfigSource() {
        super("provider-catalog", settings(), 100);
    }

    static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        ProviderCatalog.apiKeySettings()
                .forEach((provider, key) -> settings.put("spotfunnel.required-settings.feature." + provider, key));
        for (ProviderCatalog.Provider provider : ProviderCatalog.all()) {
            settings.put("provider-catalog." + provider.name() + ".model", provider.defaultModel());
        }
        return settings;
    }
}
