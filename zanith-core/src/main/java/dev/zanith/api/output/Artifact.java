package dev.zanith.api.output;

import dev.zanith.api.schema.TableName;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code _zanith_migration_artifacts}: what a destructive step left behind and how to bring it back.
 *
 * @param id           {@code <migration id>::<artifact type>::<schema>.<table>[.<column>]}
 * @param source       the table the data came from
 * @param sourceColumn the column, for column kinds; null otherwise
 * @param physicalName where the data is: the parked column (in the source table), or the schema-qualified parked,
 *                     archived or archive table
 * @param checksum     of the parked data when it was parked ({@code sum64:...}; {@code sha256:...} of the captured
 *                     schema for rebuild_table)
 * @param rowCount     rows (soft_drop_column: non-NULL values) covered by the checksum; for rebuild_table the
 *                     table's estimated rows
 * @param expiresAt    when cleanup may purge it; null: never
 * @param restoredBy   who restored it, when restored
 * @param restoreId    the ledger id of the restore ({@code recover:<id>:<time>}), when restored
 */
public record Artifact(String id, String migrationId, int stepIndex, ArtifactType type, TableName source,
                       @Nullable String sourceColumn, String physicalName, ArtifactDefinition definition,
                       @Nullable String checksum, @Nullable Long rowCount, @Nullable Long sizeBytes, String recoverySql,
                       Instant createdAt, @Nullable Instant expiresAt, ArtifactStatus status, Instant statusChangedAt,
                       @Nullable String restoredBy, @Nullable String restoreId) {

    /** {@code public.users.email} or {@code public.users}. */
    public String sourceName() {
        return source + (sourceColumn == null ? "" : "." + sourceColumn);
    }

    /** Whether its expiry has passed at {@code now}. */
    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
