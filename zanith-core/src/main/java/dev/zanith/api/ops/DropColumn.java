package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** ALTER TABLE ... DROP COLUMN — permanent; prefer softDropColumn or archiveColumn. */
public record DropColumn(TableName table, String column, @Nullable Column definition) implements Operation {

    public DropColumn {
        Require.present(table, "dropColumn", "table");
        Require.present(column, "dropColumn", "column");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_COLUMN;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(Ddl.alterTable(table) + " DROP COLUMN " + Identifiers.quote(column));
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the column's values are gone")
                : Reversal.lossy("re-adds the column; its values are gone", new AddColumn(table, definition));
    }

    @Override
    public String summary() {
        return "drop column " + table + "." + column;
    }
}
