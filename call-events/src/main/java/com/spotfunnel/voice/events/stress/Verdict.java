package com.spotfunnel.voice.events.stress;

/**
 * The judge's scores (1 = bad … 5 = excellent; null when the judge gave none) and the outcome.
 *
 * @param overallResult {@code PASS} or {@code FAIL}
 * @param reason        the judge's reason, or why the conversation failed without a usable judgement
 */
public record Verdict(String overallResult, Integer politeness, Integer accuracy, Integer escalation, String reason) {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";

    public static Verdict failed(String reason) {
        return new Verdict(FAIL, null, null, null, reason);
    }

    public boolean passed() {
        return PASS.equals(overallResult);
    }
}
