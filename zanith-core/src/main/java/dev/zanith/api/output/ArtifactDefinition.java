package dev.zanith.api.output;

import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.Table;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an artifact's {@code definition} (jsonb) holds: where the data is parked and everything restore needs to
 * put the original back. Written once, when the destructive step commits.
 *
 * @param format       {@value #FORMAT}
 * @param parkedSchema schema of the relation holding the parked data (the source table for soft_drop_column)
 * @param parkedTable  that relation: the source table (soft_drop_column), the parked or archived table, the archive
 *                     table (archive_column), the rebuilt table (rebuild_table)
 * @param parkedColumn the parked column's reserved name (soft_drop_column only)
 * @param column       column kinds: the column as it was before the drop (original name, type, NOT NULL, default)
 * @param table        table kinds: the table as it was (original name); rebuild_table: the schema captured
 * @param primaryKey   archive_column: the key rows are refilled by; soft_drop_column: the key in checksum and export
 * @param renamed      table kinds: indexes, index-backed constraints and owned sequences renamed to parked names
 *                     (a re-created table of the same name would collide with them), renamed back on restore
 * @param dependents   column kinds: indexes and constraints on the column that were dropped (by earlier steps of
 *                     the migration, with the column, or because they could break inserts while parked), in the
 *                     order restore re-creates them
 * @param notes        what could not be captured, for people
 */
public record ArtifactDefinition(String format, String parkedSchema, String parkedTable, @Nullable String parkedColumn,
                                 @Nullable Column column, @Nullable Table table, List<String> primaryKey,
                                 List<RenamedObject> renamed, List<Dependent> dependents, List<String> notes) {

    /** The value of {@code format}. */
    public static final String FORMAT = "zanith.artifact/1";

    public ArtifactDefinition {
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        renamed = renamed == null ? List.of() : List.copyOf(renamed);
        dependents = dependents == null ? List.of() : List.copyOf(dependents);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * An object renamed when its table was parked or archived.
     *
     * @param kind     {@code constraint} (primary key, unique, exclusion: renames its index too), {@code index} or
     *                 {@code sequence}
     * @param schema   the object's schema when it was renamed
     * @param original its name before
     * @param parked   its name while parked
     */
    public record RenamedObject(String kind, String schema, String original, String parked) {
    }

    /**
     * An index or constraint restore re-creates.
     *
     * @param kind     {@code primaryKey}, {@code unique}, {@code index}, {@code check} or {@code foreignKey}
     * @param table    the table it belongs to ({@code schema.table} as SQL)
     * @param name     its name
     * @param sql      the statement that re-creates it
     * @param fallback for a CHECK or FOREIGN KEY: the same added NOT VALID, used when rows written while the
     *                 column was gone violate it; null otherwise
     * @param origin   {@code dropped_earlier} (by an earlier step of the migration), {@code dropped_with_column}
     *                 (archive_column) or {@code dropped_when_parked} (it could have rejected inserts)
     */
    public record Dependent(String kind, String table, String name, String sql, @Nullable String fallback,
                            String origin) {
    }
}
