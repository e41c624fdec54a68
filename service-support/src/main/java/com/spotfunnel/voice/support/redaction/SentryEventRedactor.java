package com.spotfunnel.voice.support.redaction;

import io.quarkus.arc.Unremovable;
import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The last step before an event leaves for Sentry (quarkus-logging-sentry calls every {@code BeforeSendCallback}
 * bean): masks phone numbers and secret values in the message, the exceptions, the breadcrumbs, the extras, the tags
 * and the contexts — the Sentry handler copies the thread's MDC into the {@code MDC} context itself, past any log
 * filter. Tenant and call ids are neither, so they stay (as tags, see {@code quarkus.log.sentry.context-tags}).
 */
@ApplicationScoped
@Unremovable // looked up by the Sentry extension through CDI.current(), never injected
public class SentryEventRedactor implements SentryOptions.BeforeSendCallback {

    private final SensitiveText sensitive;

    public SentryEventRedactor(
            Config config, @ConfigProperty(name = "spotfunnel.redaction.secret-settings") List<String> secretSettings) {
        this.sensitive = SensitiveText.fromSettings(config, secretSettings);
    }

    @Override
    public SentryEvent execute(SentryEvent event, Hint hint) {
        Message message = event.getMessage();
        if (message != null) {
            message.setMessage(sensitive.mask(message.getMessage()));
            message.setFormatted(sensitive.mask(message.getFormatted()));
            if (message.getParams() != null) {
                message.setParams(
                        message.getParams().stream().map(sensitive::mask).toList());
            }
        }
        if (event.getExceptions() != null) {
            Map<String, String> originalTypes = RedactedThrowable.originalTypes(event.getThrowable());
            for (SentryException exception : event.getExceptions()) {
                exception.setValue(sensitive.mask(exception.getValue()));
                restoreType(exception, originalTypes);
            }
        }
        if (event.getBreadcrumbs() != null) {
            for (Breadcrumb breadcrumb : event.getBreadcrumbs()) {
                breadcrumb.setMessage(sensitive.mask(breadcrumb.getMessage()));
                for (Map.Entry<String, Object> data :
                        new ArrayList<>(breadcrumb.getData().entrySet())) {
                    breadcrumb.setData(data.getKey(), mask(data.getValue()));
                }
            }
        }
        if (event.getTags() != null) {
            event.getTags().replaceAll((key, value) -> sensitive.mask(value));
        }
        if (event.getExtras() != null) {
            event.getExtras().replaceAll((key, value) -> mask(value));
        }
        for (Map.Entry<String, Object> context :
                new ArrayList<>(event.getContexts().entrySet())) {
            if (context.getValue() instanceof Map<?, ?> || context.getValue() instanceof String) {
                event.getContexts().put(context.getKey(), mask(context.getValue()));
            }
        }
        return event;
    }

    /**
     * An exception already masked by the log filter reaches Sentry as {@link RedactedThrowable}; Sentry groups issues
     * by type, so it gets the original's back.
     */
    private static void restoreType(SentryException exception, Map<String, String> originalTypes) {
        if (!RedactedThrowable.class.getSimpleName().equals(exception.getType())) {
            return;
        }
        String original = originalTypes.get(exception.getValue());
        if (original != null) {
            int dot = original.lastIndexOf('.');
            exception.setType(original.substring(dot + 1));
            exception.setModule(dot < 0 ? null : original.substring(0, dot));
        }
    }

    /** Strings, and the strings inside maps and lists; anything else as it is. */
    private Object mask(Object value) {
        if (value instanceof String text) {
            return sensitive.mask(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> masked = new LinkedHashMap<>();
            map.forEach((k, v) -> masked.put(k, mask(v)));
            return masked;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(this::mask).toList();
        }
        return value;
    }
}
