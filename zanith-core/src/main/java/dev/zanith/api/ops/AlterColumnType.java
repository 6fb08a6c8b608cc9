package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * ALTER COLUMN ... TYPE, optionally with a COLLATE and a USING conversion.
 *
 * @param fromType the type before, for review, reversal and risk (null when unknown)
 */
public record AlterColumnType(TableName table, String column, String type, @Nullable String collation,
                              @Nullable String using, @Nullable String fromType) implements Operation {

    public AlterColumnType {
        Require.present(table, "alterColumnType", "table");
        Require.present(column, "alterColumnType", "column");
        Require.present(type, "alterColumnType", "type");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ALTER_COLUMN_TYPE;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.longRunning(Ddl.alterColumn(table, column) + " TYPE " + type
                + (collation != null ? " COLLATE " + Ddl.collation(collation) : "")
                + (using != null ? " USING " + using : ""));
    }

    @Override
    public Reversal reverse() {
        return fromType == null ? Reversal.irreversible("the previous type is not recorded in this file")
                : Reversal.lossy("converting back can fail or lose precision",
                new AlterColumnType(table, column, fromType, null, null, type));
    }

    @Override
    public String summary() {
        return "alter column " + table + "." + column + " type " + (fromType != null ? fromType + " → " : "") + type
                + (collation != null ? " collate " + collation : "");
    }
}
