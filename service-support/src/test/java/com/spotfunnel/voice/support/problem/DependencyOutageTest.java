package com.spotfunnel.voice.support.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.VertxException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/** Which failures an API answers 503 (try again: a dependency is down) rather than 500 (this request failed). */
class DependencyOutageTest {

    @Test
    void aDependencyThatIsDownOrDroppedTheConnectionIsAnOutage() {
        assertTrue(
                DependencyOutage.of(new ConnectException("Connection refused")).isPresent());
        // what a restarting PostgreSQL did to a query in flight (seen in the admin-api drill as a 500 before)
        assertTrue(DependencyOutage.of(new VertxException(new SocketException("Connection reset")))
                .isPresent());
        assertTrue(DependencyOutage.of(new IOException("readAddress(..) failed: Connection reset by peer"))
                .isPresent());
    }

    @Test
    void aFailureOfTheRequestItselfIsNot() {
        assertFalse(DependencyOutage.of(new IllegalStateException("bug")).isPresent());
        assertFalse(DependencyOutage.of(new IOException("Disk full")).isPresent());
    }
}
