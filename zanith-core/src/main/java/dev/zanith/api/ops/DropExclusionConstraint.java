package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import dev.zanith.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/** ALTER TABLE ... DROP CONSTRAINT of an exclusion constraint (its index goes with it). */
public record DropExclusionConstraint(TableName table, String name, @Nullable String definition) implements Operation {

    public DropExclusionConstraint {
        Require.present(table, "dropExclusionConstraint", "table");
        Require.present(name, "dropExclusionConstraint", "name");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_EXCLUSION_CONSTRAINT;
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
                : Reversal.of(new AddExclusionConstraint(table, name, definition));
    }

    @Override
    public String summary() {
        return "drop exclusion constraint " + name + " on " + table;
    }
}
