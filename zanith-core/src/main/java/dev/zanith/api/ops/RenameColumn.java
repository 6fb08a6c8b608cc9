package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;

/** ALTER TABLE ... RENAME COLUMN. */
public record RenameColumn(TableName table, String column, String newName) implements Operation {

    public RenameColumn {
        Require.present(table, "renameColumn", "table");
        Require.present(column, "renameColumn", "column");
        Require.present(newName, "renameColumn", "newName");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.RENAME_COLUMN;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(Ddl.alterTable(table) + " RENAME COLUMN " + Identifiers.quote(column) + " TO "
                + Identifiers.quote(newName));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new RenameColumn(table, newName, column));
    }

    @Override
    public String summary() {
        return "rename column " + table + "." + column + " to " + newName;
    }
}
