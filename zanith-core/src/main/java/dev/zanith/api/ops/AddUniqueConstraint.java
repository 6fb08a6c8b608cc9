package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * ALTER TABLE ... ADD CONSTRAINT ... UNIQUE; with {@code usingIndex} it adopts a unique index built
 * concurrently beforehand instead of building one under an ACCESS EXCLUSIVE lock.
 */
public record AddUniqueConstraint(TableName table, UniqueConstraint constraint, @Nullable String usingIndex)
        implements Operation {

    public AddUniqueConstraint {
        Require.present(table, "addUniqueConstraint", "table");
        Require.present(constraint, "addUniqueConstraint", "constraint");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ADD_UNIQUE_CONSTRAINT;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        if (usingIndex != null) {
            return Statements.of(Ddl.alterTable(table) + " ADD CONSTRAINT " + Identifiers.quote(constraint.name())
                    + " UNIQUE USING INDEX " + Identifiers.quote(usingIndex)
                    + Ddl.deferrable(constraint.deferrable(), constraint.initiallyDeferred()));
        }
        return Statements.longRunning(Ddl.alterTable(table) + " ADD " + Ddl.unique(constraint));
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropUniqueConstraint(table, constraint.name(), constraint));
    }

    @Override
    public String summary() {
        return "add unique constraint " + constraint.name() + " on " + table + " (" + String.join(", ", constraint.columns())
                + ")" + (usingIndex != null ? " using index " + usingIndex : "");
    }
}
