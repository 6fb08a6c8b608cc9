package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.TableName;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** ALTER TABLE ... DROP CONSTRAINT of a foreign key. */
public record DropForeignKey(TableName table, String name, @Nullable ForeignKey definition) implements Operation {

    public DropForeignKey {
        Require.present(table, "dropForeignKey", "table");
        Require.present(name, "dropForeignKey", "name");
        definition = definition == null ? null : definition.asValidated();
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_FOREIGN_KEY;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public List<TableName> alsoTouches() {
        return definition == null || definition.referenced().equals(table) ? List.of() : List.of(definition.referenced());
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(Ddl.alterTable(table) + " DROP CONSTRAINT IF EXISTS " + Identifiers.quote(name));
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the foreign key definition is not recorded in this file")
                : Reversal.of(new AddForeignKey(table, definition, true), new ValidateConstraint(table, name));
    }

    @Override
    public String summary() {
        return "drop foreign key " + name + " on " + table;
    }
}
