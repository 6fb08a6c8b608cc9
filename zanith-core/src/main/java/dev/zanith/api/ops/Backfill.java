package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.TableName;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Updates existing rows in primary-key batches, each batch its own short transaction, resumable after a
 * crash.
 *
 * @param set       column → SQL expression computing its new value (may reference other columns)
 * @param where     which rows need it (SQL condition), or null for every row
 * @param batchSize primary keys per batch (rows updated per batch: those of them matching {@code where}), or null
 *                  for the configured default
 */
public record Backfill(TableName table, Map<String, String> set, @Nullable String where, @Nullable Integer batchSize)
        implements Operation {

    public Backfill {
        Require.present(table, "backfill", "table");
        if (set == null || set.isEmpty()) {
            throw new IllegalArgumentException("backfill requires 'set' (column: expression)");
        }
        set = new LinkedHashMap<>(set);
        if (batchSize != null && batchSize <= 0) {
            throw new IllegalArgumentException("backfill 'batchSize' must be positive");
        }
    }

    @Override
    public Map<String, String> set() {
        return java.util.Collections.unmodifiableMap(set);
    }

    @Override
    public OperationKind kind() {
        return OperationKind.BACKFILL;
    }

    @Override
    public TableName target() {
        return table;
    }

    /** {@code a = expr, b = expr}. */
    public String assignments() {
        return set.entrySet().stream().map(e -> Identifiers.quote(e.getKey()) + " = " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The whole update in one statement (what each batch does to its slice of rows). */
    @Override
    public Statements render(RenderContext context) {
        return Statements.longRunning("UPDATE " + table.sql() + " SET " + assignments()
                + (where != null ? " WHERE " + where : ""));
    }

    @Override
    public Reversal reverse() {
        return Reversal.irreversible("the values a backfill overwrote are not kept");
    }

    @Override
    public String summary() {
        return "backfill " + table + " set " + String.join(", ", set.keySet()) + (where != null ? " where " + where : "");
    }
}
