package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** ALTER TABLE ... DROP CONSTRAINT of a check constraint. */
public record DropCheckConstraint(TableName table, String name, @Nullable CheckConstraint definition)
        implements Operation {

    public DropCheckConstraint {
        Require.present(table, "dropCheckConstraint", "table");
        Require.present(name, "dropCheckConstraint", "name");
        definition = definition == null ? null : definition.asValidated();
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_CHECK_CONSTRAINT;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(Ddl.alterTable(table) + " DROP CONSTRAINT IF EXISTS " + Identifiers.quote(name));
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the constraint definition is not recorded in this file")
                : Reversal.of(new AddCheckConstraint(table, definition, true), new ValidateConstraint(table, name));
    }

    @Override
    public String summary() {
        return "drop check constraint " + name + " on " + table;
    }
}
