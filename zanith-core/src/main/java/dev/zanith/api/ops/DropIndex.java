package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** DROP INDEX [CONCURRENTLY] (IF EXISTS, so a retry after a half-done attempt is harmless). */
public record DropIndex(TableName table, String name, @Nullable Index definition, boolean concurrently)
        implements Operation {

    public DropIndex {
        Require.present(table, "dropIndex", "table");
        Require.present(name, "dropIndex", "name");
        definition = definition == null ? null : definition.asValid();
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_INDEX;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        String sql = "DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + "IF EXISTS "
                + Identifiers.qualify(table.schema(), name);
        return concurrently ? Statements.outsideTransaction(sql, false) : Statements.of(sql);
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the index definition is not recorded in this file")
                : Reversal.of(new AddIndex(table, definition, true));
    }

    @Override
    public String summary() {
        return "drop index " + name + " on " + table + (concurrently ? " concurrently" : "");
    }
}
