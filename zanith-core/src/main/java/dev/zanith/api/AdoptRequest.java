package dev.zanith.api;

import dev.zanith.api.output.MigrationTool;
import org.jspecify.annotations.Nullable;

/**
 * What {@code zanith adopt} takes over ({@link dev.zanith.Zanith#adopt(AdoptRequest)}).
 *
 * @param schema  the schema of the tool's history table; null for the first configured schema
 * @param table   the history table; null for {@link MigrationTool#defaultTable()}
 * @param execute write the ledger rows; false only reports what would be written
 */
public record AdoptRequest(MigrationTool tool, @Nullable String schema, @Nullable String table, boolean execute) {
}
