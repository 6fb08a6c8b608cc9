package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * What rendering needs beyond the operation itself: where the step sits (so parked names are unique and
 * stable) and Zanith's reserved names.
 *
 * @param migrationId   the migration the step belongs to
 * @param stepIndex     its 1-based position in the migration
 * @param tablePrefix   the reserved prefix; parked objects are named with it so introspection skips them
 * @param archiveSchema where archive_column / archive_table keep data
 */
public record RenderContext(String migrationId, int stepIndex, String tablePrefix, String archiveSchema) {

    /** Default schema for archived data. */
    public static final String DEFAULT_ARCHIVE_SCHEMA = "zanith_archive";

    /** PostgreSQL truncates identifiers to 63 bytes. */
    private static final int MAX_IDENTIFIER_BYTES = 63;

    /** A context for previews (diff output) where no migration exists yet. */
    public static RenderContext preview() {
        return new RenderContext("preview", 0, "_zanith_", DEFAULT_ARCHIVE_SCHEMA);
    }

    /** A short, stable tag for this step: 8 hex characters of a hash of migration id and step index. */
    public String stepTag() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((migrationId + "#" + stepIndex).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reserved name a soft-dropped column or table is parked under: {@code _zanith_<tag>_<name>}. */
    public String parkedName(String originalName) {
        return fit(tablePrefix + stepTag() + "_" + originalName);
    }

    /**
     * The archive table's name for a column or table: {@code <table>__<column>__<tag>}. A long base is cut so
     * that the tag always survives: two steps archiving from the same long-named table never collide.
     */
    public String archiveName(String table, @Nullable String column) {
        String suffix = "__" + stepTag();
        return truncate(column == null ? table : table + "__" + column, MAX_IDENTIFIER_BYTES - suffix.length())
                + suffix;
    }

    /** A temporary name for a replacement object: {@code <name>_zanith_new}. */
    public static String replacementName(String name) {
        String suffix = "_zanith_new";
        return truncate(name, MAX_IDENTIFIER_BYTES - suffix.length()) + suffix;
    }

    public String qualifiedArchive(String name) {
        return Identifiers.qualify(archiveSchema, name);
    }

    private static String fit(String name) {
        return truncate(name, MAX_IDENTIFIER_BYTES);
    }

    private static String truncate(String name, int maxBytes) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > maxBytes) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
