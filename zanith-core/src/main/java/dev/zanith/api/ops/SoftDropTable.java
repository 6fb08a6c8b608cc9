package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** Parks a table under a reserved name instead of dropping it; its indexes and constraints go with it. */
public record SoftDropTable(TableName table, @Nullable Table definition) implements Operation {

    public SoftDropTable {
        Require.present(table, "softDropTable", "table");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.SOFT_DROP_TABLE;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(Ddl.alterTable(table) + " RENAME TO " + Identifiers.quote(context.parkedName(table.name())));
    }

    @Override
    public Reversal reverse() {
        return Reversal.lossy("zanith recover restore-table " + table.name() + " renames it back");
    }

    @Override
    public String summary() {
        return "soft-drop table " + table + " (parked, restorable)";
    }
}
