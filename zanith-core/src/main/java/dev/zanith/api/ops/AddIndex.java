package dev.zanith.api.ops;

import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.TableName;

/**
 * CREATE INDEX; {@code concurrently} (the default the differ emits for existing tables) builds it without
 * blocking writes, outside a transaction.
 */
public record AddIndex(TableName table, Index index, boolean concurrently) implements Operation {

    public AddIndex {
        Require.present(table, "addIndex", "table");
        Require.present(index, "addIndex", "index");
        index = index.asValid();
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ADD_INDEX;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        String sql = Ddl.createIndex(table, index.asValid(), concurrently);
        return concurrently ? Statements.outsideTransaction(sql, true) : Statements.longRunning(sql);
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropIndex(table, index.name(), index, concurrently));
    }

    @Override
    public String summary() {
        return "add " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table + " ("
                + String.join(", ", index.keys()) + ")" + (concurrently ? " concurrently" : "");
    }
}
