package dev.zanith.api.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A FOREIGN KEY constraint (a "relation edge").
 *
 * @param onUpdate  referential action: NO ACTION, RESTRICT, CASCADE, SET NULL or SET DEFAULT
 * @param onDelete  referential action, as {@code onUpdate}
 * @param match     SIMPLE, FULL or PARTIAL
 * @param validated false for a constraint added {@code NOT VALID} and not yet validated
 */
public record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                         List<String> referencedColumns, String onUpdate, String onDelete, String match,
                         boolean deferrable, boolean initiallyDeferred, boolean validated) {

    public ForeignKey {
        Lists.require(name, "foreign key name");
        columns = Lists.copy(columns);
        referencedColumns = Lists.copy(referencedColumns);
        Lists.require(referencedSchema, "referenced schema of " + name);
        Lists.require(referencedTable, "referenced table of " + name);
        onUpdate = onUpdate == null ? "NO ACTION" : onUpdate;
        onDelete = onDelete == null ? "NO ACTION" : onDelete;
        match = match == null ? "SIMPLE" : match;
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("foreign key " + name
                    + " needs the same, non-zero number of columns on both sides");
        }
    }

    /** The same constraint marked validated (operations carry validity in their own {@code notValid}). */
    public ForeignKey asValidated() {
        return validated ? this : new ForeignKey(name, columns, referencedSchema, referencedTable, referencedColumns,
                onUpdate, onDelete, match, deferrable, initiallyDeferred, true);
    }

    /** Reads a foreign key; left out, {@code validated} means validated. */
    @JsonCreator
    static ForeignKey json(@JsonProperty("name") String name, @JsonProperty("columns") List<String> columns,
                           @JsonProperty("referencedSchema") @Nullable String referencedSchema,
                           @JsonProperty("referencedTable") String referencedTable,
                           @JsonProperty("referencedColumns") List<String> referencedColumns,
                           @JsonProperty("onUpdate") @Nullable String onUpdate,
                           @JsonProperty("onDelete") @Nullable String onDelete,
                           @JsonProperty("match") @Nullable String match, @JsonProperty("deferrable") boolean deferrable,
                           @JsonProperty("initiallyDeferred") boolean initiallyDeferred,
                           @JsonProperty("validated") @Nullable Boolean validated) {
        return new ForeignKey(name, columns, referencedSchema == null ? "public" : referencedSchema, referencedTable,
                referencedColumns, onUpdate, onDelete, match, deferrable, initiallyDeferred, validated == null || validated);
    }

    /** A validated, immediate foreign key with NO ACTION rules. */
    public static ForeignKey of(String name, List<String> columns, TableName referenced, List<String> referencedColumns) {
        return new ForeignKey(name, columns, referenced.schema(), referenced.name(), referencedColumns,
                null, null, null, false, false, true);
    }

    public TableName referenced() {
        return new TableName(referencedSchema, referencedTable);
    }
}
