package com.spotfunnel.voice.support.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.certs.Format;
import io.smallrye.certs.junit5.Certificate;
import io.smallrye.certs.junit5.Certificates;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TLS switched on the way production does it: PEM files named by TLS_CERT_FILE / TLS_KEY_FILE, and HTTPS_REDIRECT. */
@Certificates(baseDir = "target/certs", certificates = @Certificate(name = "edge", formats = Format.PEM))
@QuarkusTest
@TestProfile(TlsTest.WithTls.class)
class TlsTest {

    public static class WithTls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "TLS_CERT_FILE",
                    "target/certs/edge.crt",
                    "TLS_KEY_FILE",
                    "target/certs/edge.key",
                    "HTTPS_REDIRECT",
                    "true");
        }
    }

    @TestHTTPResource(value = "/test", tls = true)
    URL https;

    @TestHTTPResource("/test")
    URL http;

    @Test
    void httpsAnswersWithTheGeneratedCertificateAndSendsHsts() {
        given().relaxedHTTPSValidation()
                .get(https)
                .then()
                .statusCode(200)
                .body("ok", equalTo("yes"))
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                .header("X-Frame-Options", "DENY");
    }

    @Test
    void plainHttpIsRedirectedToHttps() {
        given().redirects().follow(false).get(http).then().statusCode(301).header("Location", startsWith("https://"));
    }
}
