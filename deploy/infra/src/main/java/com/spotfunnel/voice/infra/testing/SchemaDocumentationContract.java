package com.spotfunnel.voice.infra.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/SCHEMA.md must name every table, every index and every migration a service ships, so the
 * engineer restoring a backup at 3 a.m. reads a document that matches the database. A service whose
 * Flyway migrations live in {@code src/main/resources/db/migration} extends this with its schema name.
 */
public abstract class SchemaDocumentationContract {

    private static final Pattern TABLE = Pattern.compile(
            "CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:\\w+\\.)?(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INDEX = Pattern.compile(
            "CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    /** The PostgreSQL schema this service owns, as SCHEMA.md's migration history names it. */
    protected abstract String schema();

    @Test
    void everyTableIndexAndMigrationIsDocumented() throws IOException {
        String doc = Files.readString(repositoryRoot().resolve("docs/SCHEMA.md"));
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.sorted().toList()) {
                Matcher version = MIGRATION.matcher(file.getFileName().toString());
                if (!version.matches()) {
                    continue;
                }
                String historyRow = "| " + schema() + " | V" + version.group(1) + " `" + version.group(2) + "` |";
                if (!doc.contains(historyRow)) {
                    missing.add("migration " + file.getFileName() + " (expected a history row starting " + historyRow
                            + ")");
                }
                String sql = Files.readString(file);
                for (Pattern named : List.of(TABLE, INDEX)) {
                    Matcher m = named.matcher(sql);
                    while (m.find()) {
                        if (!doc.contains("`" + m.group(1) + "`")) {
                            missing.add((named == TABLE ? "table " : "index ") + m.group(1) + " (" + file.getFileName()
                                    + ")");
                        }
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "docs/SCHEMA.md does not mention: " + missing);
    }

    private static Path repositoryRoot() {
        return RepositoryRoot.find();
    }
}
