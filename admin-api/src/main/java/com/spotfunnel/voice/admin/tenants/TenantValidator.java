package com.spotfunnel.voice.admin.tenants;

import com.spotfunnel.voice.admin.config.AdminConfig;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.tenant.AgentConfig;
import com.spotfunnel.voice.events.tenant.BusinessHours;
import com.spotfunnel.voice.events.tenant.CallerHistory;
import com.spotfunnel.voice.events.tenant.ProviderOrder;
import com.spotfunnel.voice.support.problem.InvalidInputException;
import com.spotfunnel.voice.support.problem.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what an operator sent into the contract's types, or refuses it with every wrong field named (the
 * JSON path, such as {@code agent.providers.llm[1]}).
 */
@ApplicationScoped
public class TenantValidator {

    static final int MAX_NAME = 200;
    static final int MAX_SHORT_TEXT = 100;
    static final int MAX_MESSAGE = 1000;
    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final AdminConfig config;

    public TenantValidator(AdminConfig config) {
        this.config = config;
    }

    /** What a valid spec becomes. */
    public record ValidTenant(
            String tenantId,
            String name,
            String industry,
            boolean active,
            AgentConfig agent,
            List<String> phoneNumbers) {}

    public ValidTenant forCreate(TenantSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        if (spec == null) {
            throw new InvalidInputException("body", "is required");
        }
        if (spec.tenantId() == null || !TENANT_ID.matcher(spec.tenantId()).matches()) {
            errors.add(new FieldError("tenantId", "must be 2-63 lower-case letters, digits or dashes"));
        }
        return validate(spec, spec.tenantId(), errors);
    }

    /** Only the agent part (an onboarding step); fields are named {@code agent.…} as in a tenant. */
    public AgentConfig agentOnly(TenantSpec.AgentSpec agent) {
        List<FieldError> errors = new ArrayList<>();
        AgentConfig config = agent(agent, errors);
        failIfAny(errors);
        return config;
    }

    /** Only name and industry (an onboarding's start), with the tenant id. */
    public void basics(String tenantId, String name, String industry) {
        List<FieldError> errors = new ArrayList<>();
        if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
            errors.add(new FieldError("tenantId", "must be 2-63 lower-case letters, digits or dashes"));
        }
        requiredText(name, "name", MAX_NAME, errors);
        optionalText(industry, "industry", MAX_SHORT_TEXT, errors);
        failIfAny(errors);
    }

    public ValidTenant forUpdate(String tenantId, TenantSpec spec) {
        if (spec == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (spec.tenantId() != null && !spec.tenantId().equals(tenantId)) {
            errors.add(new FieldError("tenantId", "cannot be changed"));
        }
        return validate(spec, tenantId, errors);
    }

    public List<String> phoneNumbers(List<String> numbers, String field) {
        List<FieldError> errors = new ArrayList<>();
        List<String> valid = numbers(numbers, field, errors);
        failIfAny(errors);
        return valid;
    }

    private ValidTenant validate(TenantSpec spec, String tenantId, List<FieldError> errors) {
        requiredText(spec.name(), "name", MAX_NAME, errors);
        optionalText(spec.industry(), "industry", MAX_SHORT_TEXT, errors);
        AgentConfig agent = agent(spec.agent(), errors);
        List<String> numbers =
                spec.phoneNumbers() == null ? null : numbers(spec.phoneNumbers(), "phoneNumbers", errors);
        failIfAny(errors);
        return new ValidTenant(
                tenantId,
                spec.name().strip(),
                blankToNull(spec.industry()),
                spec.active() == null || spec.active(),
                agent,
                numbers);
    }

    private AgentConfig agent(TenantSpec.AgentSpec agent, List<FieldError> errors) {
        if (agent == null) {
            errors.add(new FieldError("agent", "is required"));
            return null;
        }
        requiredText(agent.systemPrompt(), "agent.systemPrompt", config.maxSystemPromptChars(), errors);
        requiredText(agent.greeting(), "agent.greeting", MAX_MESSAGE, errors);
        optionalText(agent.voice(), "agent.voice", MAX_SHORT_TEXT, errors);
        if (agent.transferNumber() != null
                && !agent.transferNumber().isBlank()
                && !E164.isValid(agent.transferNumber())) {
            errors.add(new FieldError("agent.transferNumber", "must be an E.164 number such as +14155550111"));
        }
        ProviderOrder providers = providers(agent.providers(), errors);
        Map<FailureKind, String> fallback = fallbackMessages(agent.fallbackMessages(), errors);
        BusinessHours hours = businessHours(agent.businessHours(), errors);
        return new AgentConfig(
                agent.systemPrompt(),
                agent.greeting(),
                blankToNull(agent.voice()),
                providers,
                blankToNull(agent.transferNumber()),
                fallback,
                hours,
                callerHistory(agent.callerHistory(), errors),
                transfer(agent.transfer(), errors));
    }

    private static AgentConfig.TransferSettings transfer(TenantSpec.TransferSpec transfer, List<FieldError> errors) {
        if (transfer == null) {
            return null;
        }
        Integer ring = transfer.ringSeconds();
        if (ring != null
                && (ring < AgentConfig.TransferSettings.MIN_RING_SECONDS
                        || ring > AgentConfig.TransferSettings.MAX_RING_SECONDS)) {
            errors.add(new FieldError(
                    "agent.transfer.ringSeconds",
                    "must be a number of seconds from " + AgentConfig.TransferSettings.MIN_RING_SECONDS + " to "
                            + AgentConfig.TransferSettings.MAX_RING_SECONDS));
            return null;
        }
        return new AgentConfig.TransferSettings(ring, Boolean.TRUE.equals(transfer.warm()));
    }

    private static CallerHistory callerHistory(TenantSpec.CallerHistorySpec history, List<FieldError> errors) {
        if (history == null) {
            return null;
        }
        Integer days = history.retentionDays();
        if (days == null || days < CallerHistory.MIN_RETENTION_DAYS || days > CallerHistory.MAX_RETENTION_DAYS) {
            errors.add(new FieldError(
                    "agent.callerHistory.retentionDays",
                    "must be a number of days from " + CallerHistory.MIN_RETENTION_DAYS + " to "
                            + CallerHistory.MAX_RETENTION_DAYS));
            return null;
        }
        return new CallerHistory(history.enabled() == null || history.enabled(), days);
    }

    private ProviderOrder providers(TenantSpec.ProvidersSpec providers, List<FieldError> errors) {
        if (providers == null) {
            return null;
        }
        return new ProviderOrder(
                stage(providers.stt(), "agent.providers.stt", KnownProviders.STT, errors),
                stage(providers.llm(), "agent.providers.llm", KnownProviders.LLM, errors),
                stage(providers.tts(), "agent.providers.tts", KnownProviders.TTS, errors));
    }

    private List<String> stage(List<String> names, String field, Set<String> known, List<FieldError> errors) {
        if (names == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || !known.contains(name)) {
                errors.add(new FieldError(field + "[" + i + "]", "must be one of " + new java.util.TreeSet<>(known)));
            } else if (!seen.add(name)) {
                errors.add(new FieldError(field + "[" + i + "]", "is listed twice"));
            }
        }
        return names;
    }

    private Map<FailureKind, String> fallbackMessages(Map<String, String> messages, List<FieldError> errors) {
        Map<FailureKind, String> result = new EnumMap<>(FailureKind.class);
        if (messages == null) {
            return result;
        }
        messages.forEach((key, message) -> {
            String field = "agent.fallbackMessages." + key;
            FailureKind kind = failureKind(key);
            if (kind == null) {
                errors.add(new FieldError(field, "is not a failure kind (llm, tts, stt, other)"));
            } else if (requiredText(message, field, MAX_MESSAGE, errors)) {
                result.put(kind, message);
            }
        });
        return result;
    }

    private static FailureKind failureKind(String key) {
        for (FailureKind kind : FailureKind.values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(key)) {
                return kind;
            }
        }
        return null;
    }

    private BusinessHours businessHours(TenantSpec.BusinessHoursSpec hours, List<FieldError> errors) {
        if (hours == null) {
            return null;
        }
        try {
            ZoneId.of(hours.timeZone() == null ? "" : hours.timeZone());
        } catch (DateTimeException e) {
            errors.add(
                    new FieldError("agent.businessHours.timeZone", "must be an IANA time zone such as Europe/London"));
        }
        List<BusinessHours.OpeningHours> weekly = new ArrayList<>();
        List<TenantSpec.OpeningHoursSpec> days = hours.weekly() == null ? List.of() : hours.weekly();
        for (int i = 0; i < days.size(); i++) {
            String field = "agent.businessHours.weekly[" + i + "]";
            TenantSpec.OpeningHoursSpec day = days.get(i);
            if (day == null) {
                errors.add(new FieldError(field, "is required"));
                continue;
            }
            DayOfWeek dayOfWeek = dayOfWeek(day.day());
            LocalTime opens = time(day.opens());
            LocalTime closes = time(day.closes());
            if (dayOfWeek == null) {
                errors.add(new FieldError(field + ".day", "must be monday … sunday"));
            }
            if (opens == null) {
                errors.add(new FieldError(field + ".opens", "must be a time such as 09:00"));
            }
            if (closes == null) {
                errors.add(new FieldError(field + ".closes", "must be a time such as 17:30"));
            } else if (opens != null && !closes.isAfter(opens)) {
                errors.add(new FieldError(field + ".closes", "must be after opens"));
            }
            if (dayOfWeek != null && opens != null && closes != null) {
                weekly.add(new BusinessHours.OpeningHours(dayOfWeek, opens, closes));
            }
        }
        return new BusinessHours(hours.timeZone(), weekly);
    }

    private static DayOfWeek dayOfWeek(String day) {
        try {
            return day == null ? null : DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalTime time(String value) {
        try {
            return value == null ? null : LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private List<String> numbers(List<String> numbers, String field, List<FieldError> errors) {
        if (numbers == null) {
            errors.add(new FieldError(field, "is required"));
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i);
            if (!E164.isValid(number)) {
                errors.add(new FieldError(field + "[" + i + "]", "must be an E.164 number such as +15005550006"));
            } else if (!unique.add(number)) {
                errors.add(new FieldError(field + "[" + i + "]", "is listed twice"));
            }
        }
        return List.copyOf(unique);
    }

    private static boolean requiredText(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return false;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return false;
        }
        return true;
    }

    private static void optionalText(String value, String field, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
