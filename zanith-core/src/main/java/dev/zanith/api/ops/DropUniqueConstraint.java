package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/** ALTER TABLE ... DROP CONSTRAINT of a unique constraint (its index goes with it). */
public record DropUniqueConstraint(TableName table, String name, @Nullable UniqueConstraint definition)
        implements Operation {

    public DropUniqueConstraint {
        Require.present(table, "dropUniqueConstraint", "table");
        Require.present(name, "dropUniqueConstraint", "name");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_UNIQUE_CONSTRAINT;
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
                : Reversal.of(new AddUniqueConstraint(table, definition, null));
    }

    @Override
    public String summary() {
        return "drop unique constraint " + name + " on " + table;
    }
}
