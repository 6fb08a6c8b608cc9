package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;

/**
 * ALTER COLUMN ... SET NOT NULL. Scans the table under ACCESS EXCLUSIVE unless a validated
 * {@code CHECK (column IS NOT NULL)} already proves it (PostgreSQL 12+): the differ emits that check first.
 */
public record SetNotNull(TableName table, String column) implements Operation {

    public SetNotNull {
        Require.present(table, "setNotNull", "table");
        Require.present(column, "setNotNull", "column");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.SET_NOT_NULL;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(Ddl.alterColumn(table, column) + " SET NOT NULL");
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropNotNull(table, column));
    }

    @Override
    public String summary() {
        return "set not null on " + table + "." + column;
    }
}
