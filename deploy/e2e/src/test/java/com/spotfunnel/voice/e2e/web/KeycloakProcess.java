package com.spotfunnel.voice.e2e.web;

import com.spotfunnel.voice.e2e.ServiceProcess;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OIDC provider with a real sign-in page: Keycloak's own distribution (unpacked by this module's pom from
 * Maven Central, the same version as deploy/local/keycloak/start) in dev mode on a free port, with the local
 * realm {@code spotfunnel} (demo-customer / demo-customer) imported. Keycloak 26 needs Java 21+: the JDK comes from
 * {@code e2e.keycloak.java-home} or the first JDK 21+ under /usr/lib/jvm.
 */
final class KeycloakProcess implements AutoCloseable {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String issuer;
    private final Process process;
    private final Path log;

    private KeycloakProcess(String issuer, Process process, Path log) {
        this.issuer = issuer;
        this.process = process;
        this.log = log;
    }

    /**
     * A Keycloak already running with the realm (e.g. deploy/local/keycloak/start), named by its issuer
     * ({@code -De2e.oidc.issuer=http://localhost:8180/realms/spotfunnel}): saves its start while iterating.
     */
    static KeycloakProcess running(String issuer) {
        return new KeycloakProcess(issuer, null, null);
    }

    static KeycloakProcess start(Path realmFile, Path logs) throws IOException {
        Path home = Path.of(System.getProperty("e2e.keycloak.home", "target/keycloak"));
        Path kc = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kc)) {
            throw new IllegalStateException(kc + " is missing; the pom unpacks keycloak-quarkus-dist there");
        }
        kc.toFile().setExecutable(true);
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(
                realmFile, imports.resolve("spotfunnel-realm.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        int port = ServiceProcess.freePort();
        Path log = logs.resolve("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder(
                        kc.toString(),
                        "start-dev",
                        "--http-port=" + port,
                        "--http-management-port=" + ServiceProcess.freePort(),
                        "--import-realm",
                        "--hostname-strict=false")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", javaHome());
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        return new KeycloakProcess("http://localhost:" + port + "/realms/spotfunnel", builder.start(), log);
    }

    /** The realm's issuer, as the browser and the services both see it (one host name, one issuer). */
    String issuer() {
        return issuer;
    }

    void awaitReady(Duration timeout) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                int status = http.send(
                                HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                                        .timeout(Duration.ofSeconds(5))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after " + timeout + "; see " + log);
    }

    /** An access token of a demo user (password grant of the public client spotfunnel-web). */
    String accessToken(String user) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=password&client_id=spotfunnel-web&username=" + user + "&password=" + user;
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException(
                    "no token for " + user + ": " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private static String javaHome() {
        String configured = System.getProperty("e2e.keycloak.java-home", "");
        if (!configured.isBlank()) {
            return configured;
        }
        File[] jdks = new File("/usr/lib/jvm").listFiles();
        if (jdks != null) {
            List<File> newestFirst = new java.util.ArrayList<>(List.of(jdks));
            newestFirst.sort(java.util.Comparator.comparing(KeycloakProcess::majorVersion)
                    .reversed());
            for (File jdk : newestFirst) {
                if (new File(jdk, "bin/java").canExecute() && majorVersion(jdk) >= 21) {
                    return jdk.getPath();
                }
            }
        }
        if (Runtime.version().feature() >= 21) {
            return System.getProperty("java.home");
        }
        throw new IllegalStateException(
                "Keycloak needs a JDK 21+; set -De2e.keycloak.java-home or install one in /usr/lib/jvm");
    }

    private static int majorVersion(File jdk) {
        Path release = jdk.toPath().resolve("release");
        try {
            Matcher version = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        // kc.sh execs java: stop its children as well, in case the shell stayed.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
