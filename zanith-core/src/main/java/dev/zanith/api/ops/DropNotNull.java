package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;

/** ALTER COLUMN ... DROP NOT NULL. */
public record DropNotNull(TableName table, String column) implements Operation {

    public DropNotNull {
        Require.present(table, "dropNotNull", "table");
        Require.present(column, "dropNotNull", "column");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_NOT_NULL;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(Ddl.alterColumn(table, column) + " DROP NOT NULL");
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new SetNotNull(table, column));
    }

    @Override
    public String summary() {
        return "drop not null on " + table + "." + column;
    }
}
