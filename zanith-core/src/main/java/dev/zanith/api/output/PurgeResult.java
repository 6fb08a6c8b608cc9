package dev.zanith.api.output;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a purge did.
 *
 * @param found      false when there was no such artifact (purged already, or never there): nothing changed
 * @param statements what dropped the parked data (empty for a restored or rebuild_table artifact, whose row only
 *                   goes)
 */
public record PurgeResult(String artifactId, @Nullable ArtifactType type, @Nullable String source, boolean found,
                          List<String> statements) {

    public PurgeResult {
        statements = List.copyOf(statements);
    }

    public static PurgeResult notFound(String id) {
        return new PurgeResult(id, null, null, false, List.of());
    }
}
