package com.spotfunnel.voice.support.ratelimit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathPrefixesTest {

    @Test
    void aPlainPrefixCoversEveryPathStartingWithIt() {
        PathPrefixes prefixes = new PathPrefixes(List.of("/twilio/", "/q/"));
        assertTrue(prefixes.covers("/twilio/voice"));
        assertTrue(prefixes.covers("/q/health/ready"));
        assertFalse(prefixes.covers("/twilioish"));
        assertFalse(prefixes.covers("/api/q/"));
        assertFalse(prefixes.covers(null));
    }

    @Test
    void aStarIsExactlyOneSegment() {
        PathPrefixes prefixes = new PathPrefixes(List.of("/tenants/*/knowledge/search"));
        assertTrue(prefixes.covers("/tenants/demo-tenant/knowledge/search"));
        assertFalse(prefixes.covers("/tenants/knowledge/search"), "no tenant segment");
        assertFalse(prefixes.covers("/tenants/a/b/knowledge/search"), "two segments");
        assertFalse(prefixes.covers("/tenants/demo-tenant/knowledge-bases"));
    }

    @Test
    void regexCharactersInAPrefixAreLiteral() {
        assertFalse(new PathPrefixes(List.of("/a.b/")).covers("/axb/c"));
    }
}
