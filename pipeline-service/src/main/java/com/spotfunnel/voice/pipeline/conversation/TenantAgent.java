package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.events.tenant.AgentConfig;
import com.spotfunnel.voice.events.tenant.BusinessHours;
import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import com.spotfunnel.voice.pipeline.llm.ChatMessage;
import com.spotfunnel.voice.pipeline.llm.LlmRequest;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A tenant's agent as the conversation logic sees it, without audio: what it greets with, how it reacts to a
 * caller's words (a fixed line for goodbye and transfer, else an LLM request built from the tenant's prompt, the
 * relevant knowledge and the caller's recent calls) and which providers it uses. Live calls
 * ({@link Conversation}) and text conversations (the stress test) both go through it, so they behave alike.
 */
public final class TenantAgent {

    /** What the agent does with an utterance: {@code line} is the fixed answer, null when the LLM answers. */
    public record Reaction(Intent intent, String line) {}

    private final AgentConfig agent;
    private final String basePrompt;
    private final Function<String, Uni<List<String>>> knowledge;
    private final Uni<Optional<String>> callerHistory;
    private final PipelineConfig config;
    private final List<String> sttOrder;
    private final List<String> llmOrder;
    private final List<String> ttsOrder;

    /** @param callerHistory what the agent is told of the caller's recent calls (memoized, never fails) */
    TenantAgent(
            AgentConfig agent,
            String promptOverride,
            Function<String, Uni<List<String>>> knowledge,
            Uni<Optional<String>> callerHistory,
            PipelineConfig config) {
        this.agent = agent;
        this.knowledge = knowledge;
        this.callerHistory = callerHistory;
        this.config = config;
        this.basePrompt = promptOverride != null && !promptOverride.isBlank()
                ? promptOverride
                : agent != null
                                && agent.systemPrompt() != null
                                && !agent.systemPrompt().isBlank()
                        ? agent.systemPrompt()
                        : config.conversation().defaultSystemPrompt();
        var defaults = config.defaultProviders();
        var own = agent == null ? null : agent.providers();
        this.sttOrder = own == null || own.stt().isEmpty() ? defaults.stt() : own.stt();
        this.llmOrder = own == null || own.llm().isEmpty() ? defaults.llm() : own.llm();
        this.ttsOrder = own == null || own.tts().isEmpty() ? defaults.tts() : own.tts();
    }

    public String greeting() {
        return agent != null && agent.greeting() != null && !agent.greeting().isBlank()
                ? agent.greeting()
                : config.conversation().defaultGreeting();
    }

    /** The TTS voice, or null for the provider's default. */
    public String voice() {
        return agent == null ? null : agent.voice();
    }

    public List<String> sttOrder() {
        return sttOrder;
    }

    public List<String> llmOrder() {
        return llmOrder;
    }

    public List<String> ttsOrder() {
        return ttsOrder;
    }

    /** How long an answer waits for a knowledge search started on the caller's interim words. */
    public java.time.Duration lookaheadWait() {
        return config.knowledge().lookaheadWait();
    }

    /** The least time an early knowledge search is given from its start. */
    public java.time.Duration lookaheadMinRun() {
        return config.knowledge().lookaheadMinRun();
    }

    public String transferAnnouncement() {
        return config.conversation().transferAnnouncement();
    }

    /** What the agent says when a transfer did not connect and it takes a message instead. */
    public String transferFailedLine() {
        return config.conversation().transferFailedLine();
    }

    /**
     * Whether the tenant's staff can take a transfer at {@code now}: within one of the weekly opening hours in the
     * tenant's time zone. No business hours (or none listed) = always open.
     */
    public boolean openAt(Instant now) {
        BusinessHours hours = agent == null ? null : agent.businessHours();
        if (hours == null || hours.weekly().isEmpty()) {
            return true;
        }
        ZonedDateTime local = now.atZone(zone(hours));
        return hours.weekly().stream()
                .anyMatch(h -> h.day() == local.getDayOfWeek()
                        && !local.toLocalTime().isBefore(h.opens())
                        && local.toLocalTime().isBefore(h.closes()));
    }

    /** The line said instead of a transfer outside business hours, naming when the team is back. */
    public String afterHoursLine(Instant now) {
        return config.conversation().afterHoursLine().replace("{opens}", nextOpening(now));
    }

    /** When the team is next available, in words: "today at 2:00 PM", "tomorrow at 9:00 AM", "Monday at 9:00 AM". */
    String nextOpening(Instant now) {
        BusinessHours hours = agent == null ? null : agent.businessHours();
        if (hours == null || hours.weekly().isEmpty()) {
            return "soon";
        }
        ZonedDateTime local = now.atZone(zone(hours));
        for (int ahead = 0; ahead <= 7; ahead++) {
            LocalDate date = local.toLocalDate().plusDays(ahead);
            int days = ahead;
            var opening = hours.weekly().stream()
                    .filter(h -> h.day() == date.getDayOfWeek())
                    .filter(h -> days > 0 || h.opens().isAfter(local.toLocalTime()))
                    .map(BusinessHours.OpeningHours::opens)
                    .min(Comparator.naturalOrder());
            if (opening.isPresent()) {
                String day = switch (ahead) {
                    case 0 -> "today";
                    case 1 -> "tomorrow";
                    default -> date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                };
                return day + " at " + opening.get().format(DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH));
            }
        }
        return "soon";
    }

    private static ZoneId zone(BusinessHours hours) {
        try {
            return hours.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(hours.timeZone());
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** Goodbye and transfer phrases are handled without the LLM. */
    public Reaction react(String utterance) {
        var conversation = config.conversation();
        Intent intent = Intent.of(utterance, conversation.goodbyePhrases(), conversation.transferPhrases());
        return switch (intent) {
            case TRANSFER -> new Reaction(intent, conversation.transferAnnouncement());
            case GOODBYE -> new Reaction(intent, conversation.farewell());
            case CONVERSE -> new Reaction(intent, null);
        };
    }

    /**
     * The LLM request answering {@code question}: the system prompt (with the knowledge relevant to the question,
     * which may take a round trip to admin-api and never fails) and the last {@code history-turns} exchanges of
     * {@code history} (which already ends with the question), copied now so later turns do not change it.
     */
    public Uni<LlmRequest> request(String question, List<ChatMessage> history) {
        return request(knowledge(question), history);
    }

    /** The same, with the knowledge already on its way (looked up while the caller was still speaking). */
    public Uni<LlmRequest> request(Uni<List<String>> knowledge, List<ChatMessage> history) {
        int keep = config.conversation().historyTurns() * 2;
        List<ChatMessage> window = List.copyOf(history.subList(Math.max(0, history.size() - keep), history.size()));
        return Uni.combine()
                .all()
                .unis(knowledge, callerHistory)
                .asTuple()
                .map(both -> new LlmRequest(systemPrompt(both.getItem2(), both.getItem1()), window));
    }

    /** The tenant's knowledge relevant to {@code words}; never fails (empty when none can be had). */
    public Uni<List<String>> knowledge(String words) {
        return knowledge.apply(words);
    }

    /** May run once the knowledge has arrived, off the call's lock: reads only final fields. */
    private String systemPrompt(Optional<String> callerHistory, List<String> facts) {
        StringBuilder prompt = new StringBuilder(basePrompt);
        if (!facts.isEmpty()) {
            prompt.append("\n\nFacts you may use:\n");
            facts.forEach(fact -> prompt.append("- ").append(fact).append('\n'));
        }
        callerHistory.ifPresent(calls -> prompt.append("\n\n").append(calls));
        prompt.append("\n\nYou are on a phone call: answer in short spoken sentences, no lists, no markdown.");
        return prompt.toString();
    }
}
