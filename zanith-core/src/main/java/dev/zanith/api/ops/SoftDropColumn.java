package dev.zanith.api.ops;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.TableName;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parks a column under a reserved name instead of dropping it: its data stays, restorable in one command.
 * NOT NULL and the default are dropped from the parked column so inserts that omit it keep working.
 */
public record SoftDropColumn(TableName table, String column, @Nullable Column definition) implements Operation {

    public SoftDropColumn {
        Require.present(table, "softDropColumn", "table");
        Require.present(column, "softDropColumn", "column");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.SOFT_DROP_COLUMN;
    }

    @Override
    public TableName target() {
        return table;
    }

    @Override
    public Statements render(RenderContext context) {
        String parked = context.parkedName(column);
        List<String> sql = new ArrayList<>();
        sql.add(Ddl.alterTable(table) + " RENAME COLUMN " + Identifiers.quote(column) + " TO " + Identifiers.quote(parked));
        boolean plain = definition == null || (definition.identity() == null && definition.generated() == null);
        if (plain && (definition == null || definition.notNull())) {
            sql.add(Ddl.alterColumn(table, parked) + " DROP NOT NULL");
        }
        if (definition == null || definition.defaultExpression() != null) {
            sql.add(Ddl.alterColumn(table, parked) + " DROP DEFAULT");
        }
        return Statements.of(sql);
    }

    @Override
    public Reversal reverse() {
        return Reversal.lossy("zanith recover restore-column " + table.name() + "." + column
                + " renames it back and restores NOT NULL and the default");
    }

    @Override
    public String summary() {
        return "soft-drop column " + table + "." + column + " (parked, restorable)";
    }
}
