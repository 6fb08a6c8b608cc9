package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** ALTER COLUMN ... SET DEFAULT; {@code previous} (when known) is what the reversal restores. */
public record SetDefault(TableName table, String column, String expression, @Nullable String previous)
        implements Operation {

    public SetDefault {
        Require.present(table, "setDefault", "table");
        Require.present(column, "setDefault", "column");
        Require.present(expression, "setDefault", "expression");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.SET_DEFAULT;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(Ddl.alterColumn(table, column) + " SET DEFAULT " + expression);
    }

    @Override
    public Reversal reverse() {
        return previous == null ? Reversal.of(new DropDefault(table, column, expression))
                : Reversal.of(new SetDefault(table, column, previous, expression));
    }

    @Override
    public String summary() {
        return "set default " + expression + " on " + table + "." + column;
    }
}
