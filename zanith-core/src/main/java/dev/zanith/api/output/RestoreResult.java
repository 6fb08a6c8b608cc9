package dev.zanith.api.output;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a restore did.
 *
 * @param restored          false when the artifact had been restored already (nothing changed)
 * @param statements        the statements that ran, in order (empty when nothing changed)
 * @param restoredRows      rows whose data came back: parked rows (soft drops, tables) or rows refilled from the
 *                          archive (archive_column)
 * @param rowsWithoutValue  rows with no value to restore: written while the column was gone (NULL there), or, for
 *                          archive_column, with no archived value (inserted after the archive: NULL or the default)
 * @param filledWithDefault of those, rows given the column's default (soft_drop_column of a NOT NULL column)
 * @param orphanedValues    archive_column: archived values whose row no longer exists (deleted since)
 * @param warnings          what could not be put back exactly, with what to do (NOT NULL left off, a constraint
 *                          re-added NOT VALID, changed data accepted)
 * @param restoreId         the ledger id of the restore ({@code recover:<artifact id>:<UTC time>}), as zanith history
 *                          shows it; for an earlier restore, that one
 */
public record RestoreResult(String artifactId, ArtifactType type, String source, boolean restored,
                            List<String> statements, long restoredRows, long rowsWithoutValue, long filledWithDefault,
                            long orphanedValues, List<String> warnings, @Nullable String restoreId, long durationMs) {

    public RestoreResult {
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }
}
