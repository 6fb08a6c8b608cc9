package dev.zanith.api.ops;

import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.TableName;

/** ALTER TABLE ... ADD CONSTRAINT ... CHECK; {@code notValid} defers the scan to a {@link ValidateConstraint}. */
public record AddCheckConstraint(TableName table, CheckConstraint constraint, boolean notValid) implements Operation {

    public AddCheckConstraint {
        Require.present(table, "addCheckConstraint", "table");
        Require.present(constraint, "addCheckConstraint", "constraint");
        constraint = constraint.asValidated();
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ADD_CHECK_CONSTRAINT;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        String sql = Ddl.alterTable(table) + " ADD " + Ddl.check(constraint, notValid);
        return notValid ? Statements.of(sql) : Statements.longRunning(sql);
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropCheckConstraint(table, constraint.name(), constraint));
    }

    @Override
    public String summary() {
        return "add check constraint " + constraint.name() + " on " + table + " " + constraint.expression()
                + (notValid ? " not valid" : "");
    }
}
