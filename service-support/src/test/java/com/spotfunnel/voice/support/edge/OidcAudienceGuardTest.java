package com.spotfunnel.voice.support.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OidcAudienceGuardTest {

    @Test
    void aNamedAudiencePasses() {
        assertEquals(Optional.empty(), OidcAudienceGuard.problem(Optional.of(List.of("spotfunnel-api"))));
    }

    @Test
    void anyOrNoAudienceIsRefused() {
        assertTrue(OidcAudienceGuard.problem(Optional.of(List.of("any"))).isPresent());
        assertTrue(OidcAudienceGuard.problem(Optional.of(List.of("spotfunnel-api", "ANY")))
                .isPresent());
        assertTrue(OidcAudienceGuard.problem(Optional.empty()).isPresent());
        assertTrue(OidcAudienceGuard.problem(Optional.of(List.of(" "))).isPresent());
    }
}
