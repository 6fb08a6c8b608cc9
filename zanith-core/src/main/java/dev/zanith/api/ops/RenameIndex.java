package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;

/** ALTER INDEX ... RENAME TO. */
public record RenameIndex(TableName table, String name, String newName) implements Operation {

    public RenameIndex {
        Require.present(table, "renameIndex", "table");
        Require.present(name, "renameIndex", "name");
        Require.present(newName, "renameIndex", "newName");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.RENAME_INDEX;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("ALTER INDEX " + Identifiers.qualify(table.schema(), name) + " RENAME TO "
                + Identifiers.quote(newName));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new RenameIndex(table, newName, name));
    }

    @Override
    public String summary() {
        return "rename index " + name + " on " + table + " to " + newName;
    }
}
