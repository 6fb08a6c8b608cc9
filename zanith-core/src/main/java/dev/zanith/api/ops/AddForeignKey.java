package dev.zanith.api.ops;

import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.TableName;

import java.util.List;

/**
 * ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY; {@code notValid} skips the scan of existing rows (a
 * separate {@link ValidateConstraint} step checks them under a weaker lock).
 */
public record AddForeignKey(TableName table, ForeignKey foreignKey, boolean notValid) implements Operation {

    public AddForeignKey {
        Require.present(table, "addForeignKey", "table");
        Require.present(foreignKey, "addForeignKey", "foreignKey");
        foreignKey = foreignKey.asValidated();
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ADD_FOREIGN_KEY;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public List<TableName> alsoTouches() {
        return foreignKey.referenced().equals(table) ? List.of() : List.of(foreignKey.referenced());
    }

    @Override
    public Statements render(RenderContext context) {
        String sql = Ddl.alterTable(table) + " ADD " + Ddl.foreignKey(foreignKey, notValid);
        return notValid ? Statements.of(sql) : Statements.longRunning(sql);
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropForeignKey(table, foreignKey.name(), foreignKey));
    }

    @Override
    public String summary() {
        return "add foreign key " + foreignKey.name() + " " + table + " (" + String.join(", ", foreignKey.columns())
                + ") → " + foreignKey.referenced() + " (" + String.join(", ", foreignKey.referencedColumns()) + ")"
                + (notValid ? " not valid" : "");
    }
}
