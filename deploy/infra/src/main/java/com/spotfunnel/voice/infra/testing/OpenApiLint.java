package com.spotfunnel.voice.infra.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lints an OpenAPI document with Redocly CLI (a third-party linter from npm, pinned in deploy/security/package.json,
 * installed there by {@code npm ci} on first use). The configuration is deploy/security/redocly.yaml.
 */
public final class OpenApiLint {

    /** What the linter said, and whether it found errors. */
    public record Result(int exitCode, String output) {}

    private OpenApiLint() {}

    public static Result lint(String document, Path workDir) throws IOException, InterruptedException {
        Path security = RepositoryRoot.find().resolve("deploy/security");
        if (!Files.exists(security.resolve("node_modules/.bin/redocly"))) {
            run(security, List.of("npm", "ci", "--no-audit", "--no-fund"));
        }
        // Absolute: the linter runs in deploy/security, not in the module's directory.
        Path dir = Files.createDirectories(workDir.toAbsolutePath());
        Path file = dir.resolve("openapi.json");
        Files.writeString(file, document, StandardCharsets.UTF_8);
        return run(
                security,
                List.of(
                        security.resolve("node_modules/.bin/redocly").toString(),
                        "lint",
                        "--config",
                        security.resolve("redocly.yaml").toString(),
                        "--format",
                        "stylish",
                        file.toString()));
    }

    private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(-1, output + "\n(timed out)");
        }
        return new Result(process.exitValue(), output);
    }
}
