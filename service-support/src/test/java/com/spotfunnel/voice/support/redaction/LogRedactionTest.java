package com.spotfunnel.voice.support.redaction;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** What a log handler writes (the file handler here; the console has the same filter): no phone, no secret. */
@QuarkusTest
class LogRedactionTest {

    private static final Path LOG_FILE = Path.of("target/quarkus.log");

    @Test
    void phoneNumbersAndSecretsAreMaskedWhileTenantAndCallIdsStay() throws Exception {
        String callId = "call-" + UUID.randomUUID();
        given().contentType("text/plain")
                .body("+14155550123 with token test-twilio-token-7f3a9c and key sk-test-openai-key-0123456789")
                .queryParam("tenantId", "tenant-acme")
                .queryParam("callId", callId)
                .post("/test/log")
                .then()
                .statusCode(204);

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Files.readString(LOG_FILE).contains(callId));
        String written = Files.readString(LOG_FILE);
        String line =
                written.lines().filter(l -> l.contains(callId)).findFirst().orElseThrow();
        assertTrue(line.contains("[tenant-acme/" + callId + "]"), line);
        assertTrue(line.contains("Call failed: [phone] with token [secret] and key [secret]"), line);
        assertTrue(written.contains("java.lang.IllegalStateException: while calling [phone]"), written);
        assertFalse(written.contains("4155550123"), "the caller's number is in the log");
        assertFalse(written.contains("test-twilio-token-7f3a9c"), "the Twilio token is in the log");
        assertFalse(written.contains("sk-test-openai-key-0123456789"), "the OpenAI key is in the log");
    }
}
