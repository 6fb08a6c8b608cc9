package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;

/** ALTER TABLE ... RENAME TO (same schema). */
public record RenameTable(TableName table, String newName) implements Operation {

    public RenameTable {
        Require.present(table, "renameTable", "table");
        Require.present(newName, "renameTable", "newName");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.RENAME_TABLE;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(Ddl.alterTable(table) + " RENAME TO " + Identifiers.quote(newName));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new RenameTable(new TableName(table.schema(), newName), table.name()));
    }

    @Override
    public String summary() {
        return "rename table " + table + " to " + newName;
    }
}
