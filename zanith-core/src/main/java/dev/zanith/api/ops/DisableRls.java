package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;

/** DISABLE ROW LEVEL SECURITY (and NO FORCE). */
public record DisableRls(TableName table, boolean force) implements Operation {

    public DisableRls {
        Require.present(table, "disableRls", "table");
    }

    /** Row level security off, and not forced. */
    public DisableRls(TableName table) {
        this(table, false);
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DISABLE_RLS;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(Ddl.alterTable(table) + " DISABLE ROW LEVEL SECURITY",
                Ddl.alterTable(table) + (force ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY");
    }

    @Override
    public Reversal reverse() {
        return Reversal.lossy("whether it was forced is not recorded", new EnableRls(table, false));
    }

    @Override
    public String summary() {
        return "disable row level security on " + table + (force ? " (forced for the owner once enabled)" : "");
    }
}
