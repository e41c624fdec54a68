package com.spotfunnel.voice.infra.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's top folder, found from a module's working directory (where its tests run). */
final class RepositoryRoot {

    private RepositoryRoot() {}

    static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/SCHEMA.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("the repository root (docs/SCHEMA.md) is not above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
