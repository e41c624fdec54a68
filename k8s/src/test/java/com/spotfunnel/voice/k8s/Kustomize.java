package com.spotfunnel.voice.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization the way `kubectl apply -k` would, with the kubectl on the PATH. */
final class Kustomize {

    private static final YAMLMapper YAML = new YAMLMapper();

    private Kustomize() {}

    static List<ObjectNode> render(Path kustomizationDir) {
        Path out;
        try {
            out = Files.createTempFile("kustomize-", ".yaml");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            Process process = start(kustomizationDir, out);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + kustomizationDir + " did not finish within 120 s");
            }
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + kustomizationDir + " failed: " + errors.strip());
            }
            return parse(Files.readString(out));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            out.toFile().delete();
        }
    }

    private static Process start(Path dir, Path out) {
        try {
            return new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectOutput(out.toFile())
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "kubectl not found on PATH: install kubectl (it renders the k8s/ overlays for these tests)");
        }
    }

    static List<ObjectNode> parse(String yaml) throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        try (var docs = YAML.readValues(YAML.createParser(yaml), JsonNode.class)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc instanceof ObjectNode object) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }
}
