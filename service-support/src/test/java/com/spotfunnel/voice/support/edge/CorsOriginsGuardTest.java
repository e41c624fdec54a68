package com.spotfunnel.voice.support.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorsOriginsGuardTest {

    @Test
    void exactOriginsPass() {
        assertEquals(
                Optional.empty(),
                CorsOriginsGuard.wildcard(List.of("https://admin.example.com", "http://localhost:5173")));
    }

    @Test
    void aWildcardOrARegexIsRefused() {
        assertEquals(Optional.of("*"), CorsOriginsGuard.wildcard(List.of("https://admin.example.com", "*")));
        assertEquals(Optional.of("https://*.example.com"), CorsOriginsGuard.wildcard(List.of("https://*.example.com")));
        assertEquals(Optional.of("/https://.*/"), CorsOriginsGuard.wildcard(List.of("/https://.*/")));
    }
}
