package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.TableName;

import java.util.ArrayList;
import java.util.List;

/** ALTER TABLE ... ADD COLUMN. */
public record AddColumn(TableName table, Column column) implements Operation {

    public AddColumn {
        Require.present(table, "addColumn", "table");
        Require.present(column, "addColumn", "column");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ADD_COLUMN;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        List<String> sql = new ArrayList<>();
        sql.add(Ddl.alterTable(table) + " ADD COLUMN " + Ddl.column(column));
        if (column.comment() != null) {
            sql.add("COMMENT ON COLUMN " + table.sql() + "." + Identifiers.quote(column.name()) + " IS "
                    + Identifiers.literal(column.comment()));
        }
        return Statements.of(sql);
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropColumn(table, column.name(), column));
    }

    @Override
    public String summary() {
        return "add column " + table + "." + column.name() + " (" + column.type()
                + (column.notNull() ? ", not null" : "") + (column.defaultExpression() != null ? ", default "
                + column.defaultExpression() : "") + ")";
    }
}
