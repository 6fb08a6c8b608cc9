package dev.zanith.api.output;

import org.jspecify.annotations.Nullable;

/**
 * Which artifacts {@code recover list} shows; null fields match anything.
 *
 * @param schema schema of the source table
 * @param table  source table name
 * @param column source column name
 * @param type   artifact type
 */
public record ArtifactFilter(@Nullable String schema, @Nullable String table, @Nullable String column,
                             @Nullable ArtifactType type) {

    /** Every artifact. */
    public static ArtifactFilter all() {
        return new ArtifactFilter(null, null, null, null);
    }
}
