package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** ALTER COLUMN ... DROP DEFAULT. */
public record DropDefault(TableName table, String column, @Nullable String previous) implements Operation {

    public DropDefault {
        Require.present(table, "dropDefault", "table");
        Require.present(column, "dropDefault", "column");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_DEFAULT;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(Ddl.alterColumn(table, column) + " DROP DEFAULT");
    }

    @Override
    public Reversal reverse() {
        return previous == null ? Reversal.irreversible("the previous default is not recorded in this file")
                : Reversal.of(new SetDefault(table, column, previous, null));
    }

    @Override
    public String summary() {
        return "drop default on " + table + "." + column;
    }
}
