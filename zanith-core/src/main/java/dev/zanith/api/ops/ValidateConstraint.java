package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;

/** VALIDATE CONSTRAINT: scans existing rows under SHARE UPDATE EXCLUSIVE (reads and writes go on). */
public record ValidateConstraint(TableName table, String name) implements Operation {

    public ValidateConstraint {
        Require.present(table, "validateConstraint", "table");
        Require.present(name, "validateConstraint", "name");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.VALIDATE_CONSTRAINT;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.longRunning(Ddl.alterTable(table) + " VALIDATE CONSTRAINT " + Identifiers.quote(name));
    }

    @Override
    public Reversal reverse() {
        return Reversal.irreversible("validation only checks rows; there is nothing to undo");
    }

    @Override
    public String summary() {
        return "validate constraint " + name + " on " + table;
    }
}
