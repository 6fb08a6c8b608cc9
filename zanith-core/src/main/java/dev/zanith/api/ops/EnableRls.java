package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;

/** ENABLE ROW LEVEL SECURITY, and FORCE (applies to the owner too) or NO FORCE. */
public record EnableRls(TableName table, boolean force) implements Operation {

    public EnableRls {
        Require.present(table, "enableRls", "table");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.ENABLE_RLS;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(Ddl.alterTable(table) + " ENABLE ROW LEVEL SECURITY",
                Ddl.alterTable(table) + (force ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY");
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DisableRls(table));
    }

    @Override
    public String summary() {
        return "enable" + (force ? " and force" : "") + " row level security on " + table;
    }
}
