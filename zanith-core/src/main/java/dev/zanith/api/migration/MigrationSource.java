package dev.zanith.api.migration;

import java.util.List;

/** Where migration files come from: a directory, the classpath, or (in Spring) any resource pattern. */
public interface MigrationSource {

    /**
     * Every migration file ({@code .yaml}, {@code .yml}, {@code .sql}); other files are ignored, and so are hidden
     * files and editor leftovers ({@code .name.yaml}, {@code .#name.yaml}, {@code #name.yaml#}, {@code name.yaml~}).
     */
    List<MigrationResource> resources();

    /** For messages: "directory db/migrations". */
    String describe();

    /**
     * Refuses a YAML file of {@code size} bytes before its bytes are read (a .sql file is not limited here).
     *
     * @throws ZanithException naming the file and the limit
     */
    static void checkSize(String name, String location, long size) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if ((lower.endsWith(".yaml") || lower.endsWith(".yml")) && size > MAX_YAML_BYTES) {
            throw new dev.zanith.api.exception.ZanithException(location + ": the file is " + size + " bytes; a YAML migration may "
                    + "have at most " + MAX_YAML_BYTES + ". Split it into several migrations, or move bulk SQL into a "
                    + ".sql migration.");
        }
    }

    /** YAML migration files larger than this many bytes are refused before they are read. */
    long MAX_YAML_BYTES = 1024 * 1024;

    static boolean isMigrationFile(String name) {
        if (name.startsWith(".") || name.startsWith("#") || name.endsWith("~")) {
            return false;
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".sql");
    }
}
