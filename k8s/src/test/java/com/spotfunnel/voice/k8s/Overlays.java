package com.spotfunnel.voice.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Every overlay under k8s/overlays, each rendered once per test JVM. */
final class Overlays {

    static final Path ROOT = Path.of("overlays");
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {}

    /** Overlay names, for {@code @MethodSource}. */
    static Stream<String> names() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            List<String> names = dirs.filter(dir -> Files.exists(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
            if (names.size() < 2) {
                throw new AssertionError(
                        "expected at least the staging and production overlays under " + ROOT.toAbsolutePath());
            }
            return names.stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Manifests rendered(String overlay) {
        return RENDERED.computeIfAbsent(
                overlay,
                name -> new Manifests(Kustomize.render(ROOT.resolve(name)).stream()
                        .map(K8sObject::new)
                        .toList()));
    }
}
