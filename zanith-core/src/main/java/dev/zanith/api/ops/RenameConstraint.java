package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;

/** ALTER TABLE ... RENAME CONSTRAINT (a primary key's or unique constraint's index is renamed with it). */
public record RenameConstraint(TableName table, String name, String newName) implements Operation {

    public RenameConstraint {
        Require.present(table, "renameConstraint", "table");
        Require.present(name, "renameConstraint", "name");
        Require.present(newName, "renameConstraint", "newName");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.RENAME_CONSTRAINT;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(Ddl.alterTable(table) + " RENAME CONSTRAINT " + Identifiers.quote(name) + " TO "
                + Identifiers.quote(newName));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new RenameConstraint(table, newName, name));
    }

    @Override
    public String summary() {
        return "rename constraint " + name + " on " + table + " to " + newName;
    }
}
