package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import dev.zanith.internal.sql.Identifiers;

/**
 * ALTER TABLE ... ADD CONSTRAINT ... EXCLUDE: builds the constraint's index and checks every row under ACCESS
 * EXCLUSIVE. PostgreSQL has no NOT VALID or USING INDEX form for exclusion constraints.
 *
 * @param definition as {@code pg_get_constraintdef()} prints it: {@code EXCLUDE USING gist (during WITH &&)}
 */
public record AddExclusionConstraint(TableName table, String name, String definition) implements Operation {

    public AddExclusionConstraint {
        Require.present(table, "addExclusionConstraint", "table");
        Require.present(name, "addExclusionConstraint", "name");
        Require.present(definition, "addExclusionConstraint", "definition");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ADD_EXCLUSION_CONSTRAINT;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.longRunning(Ddl.alterTable(table) + " ADD CONSTRAINT " + Identifiers.quote(name) + " "
                + definition);
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropExclusionConstraint(table, name, definition));
    }

    @Override
    public String summary() {
        return "add exclusion constraint " + name + " on " + table + " " + definition;
    }
}
