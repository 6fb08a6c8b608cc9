package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites a table completely (every row copied, every index rebuilt) under an ACCESS EXCLUSIVE lock:
 * {@code VACUUM FULL}, or {@code CLUSTER ... USING} an index to order it. Reclaims bloat; the pre-rebuild
 * schema is kept for forensic inspection only.
 *
 * @param orderByIndex an index to physically order the rows by, or null
 */
public record RebuildTable(TableName table, @Nullable String orderByIndex) implements Operation {

    public RebuildTable {
        Require.present(table, "rebuildTable", "table");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.REBUILD_TABLE;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return orderByIndex == null
                ? Statements.outsideTransaction("VACUUM (FULL, ANALYZE) " + table.sql(), true)
                : Statements.longRunning("CLUSTER " + table.sql() + " USING " + Identifiers.quote(orderByIndex));
    }

    @Override
    public Reversal reverse() {
        return Reversal.irreversible("a rebuild is not undone: the pre-rebuild schema is captured for inspection only");
    }

    @Override
    public String summary() {
        return "rebuild table " + table + (orderByIndex != null ? " ordered by " + orderByIndex : "");
    }
}
