package dev.zanith.api.ops;

import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** DROP TABLE — permanent; {@code definition} (when known) lets the reversal re-create its shape. */
public record DropTable(TableName table, @Nullable Table definition) implements Operation {

    public DropTable {
        Require.present(table, "dropTable", "table");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_TABLE;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("DROP TABLE " + table.sql());
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the table and its rows are gone")
                : Reversal.lossy("re-creates the table empty: its rows are gone", new CreateTable(definition));
    }

    @Override
    public String summary() {
        return "drop table " + table;
    }
}
