package com.spotfunnel.voice.support.redaction;

import io.quarkus.logging.LoggingFilter;
import java.util.List;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Masks phone numbers and secret values in every log record before a handler writes it: the message with its
 * parameters, the MDC, and the messages of the exception chain. Attached to the console and file handlers with
 * {@code quarkus.log.console.filter=redact} / {@code quarkus.log.file.filter=redact}; the record is masked in place,
 * so a handler that runs after them sees the masked text too. Sentry events are masked again by
 * {@link SentryEventRedactor}, whatever the handler order.
 */
@LoggingFilter(name = "redact")
public final class RedactingLogFilter implements Filter {

    private final SensitiveText sensitive;

    public RedactingLogFilter(
            @ConfigProperty(name = "spotfunnel.redaction.secret-settings") List<String> secretSettings) {
        this.sensitive = SensitiveText.fromSettings(ConfigProvider.getConfig(), secretSettings);
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            redact(ext);
        } else {
            String message = record.getMessage();
            String masked = sensitive.mask(message);
            if (masked != null && !masked.equals(message)) {
                record.setMessage(masked);
            }
        }
        return true;
    }

    private void redact(ExtLogRecord record) {
        String formatted = record.getFormattedMessage();
        String masked = sensitive.mask(formatted);
        if (masked != null && !masked.equals(formatted)) {
            record.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
            record.setParameters(null);
        }
        for (Map.Entry<String, String> entry : record.getMdcCopy().entrySet()) {
            String value = sensitive.mask(entry.getValue());
            if (value != null && !value.equals(entry.getValue())) {
                record.putMdc(entry.getKey(), value);
            }
        }
        if (record.getThrown() != null) {
            record.setThrown(RedactedThrowable.of(record.getThrown(), sensitive));
        }
    }
}
