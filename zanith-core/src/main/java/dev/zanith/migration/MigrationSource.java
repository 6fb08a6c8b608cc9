package dev.zanith.migration;

import java.util.List;

/** Where migration files come from: a directory, the classpath, or (in Spring) any resource pattern. */
public interface MigrationSource {

    /** Every migration file ({@code .yaml}, {@code .yml}, {@code .sql}); other files are ignored. */
    List<MigrationResource> resources();

    /** For messages: "directory db/migrations". */
    String describe();

    static boolean isMigrationFile(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".sql");
    }
}
