package com.spotfunnel.voice.support.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SensitiveTextTest {

    private final SensitiveText sensitive = SensitiveText.of(List.of("sk-live-abcdef123456", "short"));

    @Test
    void masksPhoneNumbersInTheFormsCallersHave() {
        assertEquals("from [phone] to [phone]", sensitive.mask("from +14155550100 to +61 2 9374 4000"));
        assertEquals("caller [phone].", sensitive.mask("caller +44-20-7946-0958."));
        assertEquals("From=[phone]&To=[phone]", sensitive.mask("From=%2B14155550100&To=%2b61293744000"));
        assertEquals("call [phone] now", sensitive.mask("call (415) 555-0100 now"));
        assertEquals("[phone]", sensitive.mask("415-555-0100"));
    }

    @Test
    void leavesIdsTimesAndCountsAlone() {
        String text = "call CA1234567890abcdef1234567890abcdef tenant 3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b at "
                + "2026-11-24T11:35:36Z took 1500 ms, offset 12345678, port 8080";
        assertEquals(text, sensitive.mask(text));
    }

    @Test
    void masksSecretValuesButNotTooShortOnes() {
        assertEquals(
                "Authorization: Bearer [secret] short",
                sensitive.mask("Authorization: Bearer sk-live-abcdef123456 short"));
    }
}
